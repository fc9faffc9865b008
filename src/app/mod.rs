//! The shell: the screens, the shared data, the overlays, the status line and the app's lifecycle.

mod bars;
mod facts;
mod help;
mod input;
mod lifecycle;
mod panels;
mod screens;
mod view;

pub use crate::kit::{Action, Tab, Theme};
/// How long after the first unsaved change the story editor saves by itself.
pub use crate::screens::stories::editor::AUTOSAVE_DELAY;
pub use lifecycle::Access;
pub use view::tab_at;

use crate::domain::content::Library;
use crate::domain::prep::charts::local_day;
use crate::domain::schedule::{ReviewStore, StoreOptions};
use crate::domain::stories::Story;
use crate::kit::data::StoriesFolder;
use crate::kit::{AppData, Facts, Level, Status, ViewCtx};
use crate::storage::paths::Paths;
use crate::storage::recovery::Recovered;
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use screens::Screens;

/// Smallest window the screens are laid out for; below it a short message asks for a bigger window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// What is drawn over the screen and takes the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Overlay {
    /// The list of keys, scrolled this far.
    Help(u16),
    /// Quitting would lose text that could not be saved: the question put to the user.
    ConfirmQuit(String),
}

/// The whole app: which screen is showing, each screen's state, the shared data and the shell.
#[derive(Debug)]
pub struct App {
    tab: Tab,
    screens: Screens,
    data: AppData,
    /// Plain facts from Cards and Stories that Home, Practice and Cards read.
    facts: Facts,
    /// What the facts were last taken from, so a screen switch redoes only what changed.
    facts_from: facts::FactsFrom,
    overlay: Option<Overlay>,
    status: Option<Status>,
    theme: Theme,
    /// Size of the terminal, for layout and mouse hit-testing.
    size: (u16, u16),
    /// The current time, set by the event loop (or a test) before each event.
    now: DateTime<Utc>,
    /// The user's offset from UTC, which decides calendar days (UTC until the CLI sets the local one).
    offset: FixedOffset,
    should_quit: bool,
    /// A save failed at quit and the user was told; the next quit goes ahead anyway.
    quit_anyway: bool,
    /// A message for the shell after the terminal is restored (where rescued text went).
    exit_note: Option<String>,
    /// Unsaved text taken back from a crash at start, for the editor to offer.
    recovered: Vec<Recovered>,
    /// The automatic backup's schedule and the backup running now, if any.
    auto_backup: lifecycle::AutoBackup,
    /// The config last applied, kept to apply again once loading finishes.
    config: Option<crate::domain::config::Config>,
    /// What `start` put on the status line, until loading finishes: a message set since then is
    /// not replaced by the history's or the content's problems.
    start_status: Option<Status>,
    /// The set-up or the role-fit guide, while open over the screens.
    panel: Option<panels::Panel>,
    /// What the last `update` handed to a screen that had no use for it (see [`App::ignored`]).
    ignored: Option<Action>,
}

/// What a thread returned; its panic is passed on as if it had happened on this one.
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// What the first screen says of story files that could not be read, which otherwise only the
/// Stories screen lists: someone studying cards should still learn that a story is not showing.
fn unreadable_stories(folder: &StoriesFolder) -> Option<Status> {
    let text = match (&folder.load_error, folder.bad.len()) {
        (Some(_), _) => {
            "Your stories folder could not be read; the Stories screen says why.".into()
        }
        (None, 0) => return None,
        (None, 1) => "1 story file could not be read and was left as it is; \
                      the Stories screen says which line to fix."
            .into(),
        (None, n) => format!(
            "{n} story files could not be read and were left as they are; \
             the Stories screen says which lines to fix."
        ),
    };
    Some(Status::warn(text))
}

impl App {
    /// Builds the app over `paths`, loading content and opening the review history. Never fails:
    /// problems are shown on screen.
    pub fn new(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        let mut app = App::start(paths, now, theme);
        app.finish_loading();
        app
    }

    /// Builds the app with only what its first frame needs: the built-in content, the checklist,
    /// favourites and practice log. The user's decks, stories and review history, whose cost grows
    /// with the data, are loaded by [`App::finish_loading`]; until then Home shows "counting…" where
    /// their numbers go. The event loop draws the first frame in between, so start-up at 100,000
    /// cards shows Home at once. Never fails.
    pub fn start(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        crate::domain::content::library::keep_builtin_in(&paths.data_dir);
        let library = Library::builtin();
        let screens = Screens::new(&library, theme);
        let data = AppData::start(paths, library);
        let status = data.problems().into_iter().next().map(Status::error);
        App {
            start_status: status.clone(),
            tab: Tab::Home,
            screens,
            data,
            facts: Facts {
                loading: true,
                ..Facts::default()
            },
            facts_from: facts::FactsFrom::default(),
            overlay: None,
            status,
            theme,
            size: (80, 24),
            now,
            offset: Utc.fix(),
            should_quit: false,
            quit_anyway: false,
            exit_note: None,
            recovered: Vec::new(),
            auto_backup: lifecycle::AutoBackup::default(),
            config: None,
            panel: None,
            ignored: None,
        }
    }

    /// True until [`App::finish_loading`] has loaded the user's decks, stories and review history.
    pub fn is_loading(&self) -> bool {
        self.facts.loading
    }

    /// Loads what [`App::start`] left out: the user's content (with the built-in content, checked
    /// together), the review history and the stories; builds the screens over them and works out
    /// the shared facts. Returns false if there was nothing left to load.
    pub fn finish_loading(&mut self) -> bool {
        if !self.facts.loading {
            return false;
        }
        let paths = self.data.paths().clone();
        let now = self.now;
        let theme = self.theme;
        // The review history and then the stories load on another core while the content loads on
        // this one: they share no file (at 100,000 cards each takes tens of milliseconds). As soon
        // as the content is in, the screens are built here (the Cards screen's catalogue is most
        // of it) while the stories finish and their facts, which need the content, are worked out
        // on another core. One thread for both loads rather than one each: three threads on two
        // cores at 100,000 cards took 4% longer (paired runs of `scale_probe app`, 2026-12-06),
        // and the history is the shorter load, so the stories still finish while the screens are
        // built. A panic in one is passed on as if it had happened here.
        let (library, opened, stories, story_facts, mut screens) = std::thread::scope(|s| {
            let paths = &paths;
            let loads = s.spawn(move || {
                let opened = ReviewStore::open(&paths.data_dir, &StoreOptions::default(), now);
                (opened, StoriesFolder::load(paths))
            });
            let library = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
            let (screens, (opened, stories, facts)) = std::thread::scope(|inner| {
                let facts = inner.spawn(|| {
                    let (opened, stories) = joined(loads);
                    let facts = stories
                        .store()
                        .map(|store| facts::StoryFacts::of(store, &library));
                    (opened, stories, facts)
                });
                (Screens::new(&library, theme), joined(facts))
            });
            (library, opened, stories, facts, screens)
        });
        let content = (!library.problems.is_empty()).then(|| {
            Status::warn(format!(
                "{} problem(s) in content files; run `clinicprep check` to see them. The rest loaded.",
                library.problems.len()
            ))
        });
        let unreadable = unreadable_stories(&stories);
        let (reviews, history) = match opened {
            Ok((store, notices)) => (Some(store), screens.cards.set_notices(&notices)),
            Err(e) => (None, screens.cards.set_store_error(&e)),
        };
        self.data.finish_loading(library, reviews, stories);
        if let Some(facts) = story_facts {
            self.use_story_facts(facts);
        }
        // Set by the session before the first frame; the rest of the screens' settings come
        // back with the config, applied again below.
        screens.sheet.can_open = self.screens.sheet.can_open;
        self.screens = screens;
        // As a whole load ranks them: the review history's problems, then the other data files'
        // (what `start` said, if nothing has been said since), then story files that could not
        // be read, then the content's. What was said since (a recovered story, a folder others
        // can change, the config) stays, unless the review history could not be opened at all
        // (the Cards screen lists the history's notices, `clinicprep check` the content's
        // problems).
        let from_start = self.status == self.start_status;
        let history_failed = history.as_ref().is_some_and(|s| s.level == Level::Error);
        let current = self.status.as_ref().map(|s| s.level);
        if from_start || (history_failed && current != Some(Level::Error)) {
            self.status = history.or(self.status.take()).or(unreadable).or(content);
        }
        self.start_status = None;
        self.facts.loading = false;
        match self.config.take() {
            // Applying it again sets the study settings on the review history, now open.
            Some(config) => self.apply_config(&config),
            None => self.refresh_facts(),
        }
        self.refresh_showing();
        true
    }

    /// The screen showing.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The status line's message, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Replaces the status line's message.
    pub fn set_status(&mut self, status: Status) {
        self.status = Some(status);
    }

    /// True once the app has saved what it could and wants to close.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// A message for the shell after the terminal is restored (where rescued text went).
    pub fn exit_note(&self) -> Option<&str> {
        self.exit_note.as_deref()
    }

    /// The app's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Sets the app's clock: the event loop does before each event, a test to move time on.
    pub fn set_now(&mut self, now: DateTime<Utc>) {
        self.now = now;
    }

    /// Sets the user's offset from UTC, which decides calendar days.
    pub fn set_offset(&mut self, offset: FixedOffset) {
        self.offset = offset;
    }

    /// The user's calendar day now, in the app's time zone offset.
    pub fn today(&self) -> NaiveDate {
        local_day(self.now, self.offset)
    }

    /// The shared data, to read.
    pub fn data(&self) -> &AppData {
        &self.data
    }

    /// The theme everything is drawn in.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Unsaved text taken back from a crash at start.
    pub fn recovered(&self) -> &[Recovered] {
        &self.recovered
    }

    /// True while the Cards screen shows a card of a review session (not the deck list or the
    /// session's summary): for benches that keep a review going.
    pub fn reviewing(&self) -> bool {
        let cards = &self.screens.cards;
        cards.view == crate::screens::cards::View::Review
            && cards
                .session
                .as_ref()
                .is_some_and(|s| s.current().is_some())
    }

    /// The story open in the editor as typed so far, saved or not.
    pub fn open_story(&self) -> Option<&Story> {
        self.screens.stories.editor.as_ref().map(|e| &e.story)
    }

    /// The story open in the editor, if it has changes that are not on disk.
    pub fn unsaved_story(&self) -> Option<&Story> {
        self.screens.stories.unsaved()
    }

    /// The facts the screens share.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// Lets the Sheet screen open the written sheet in the default browser. Only the real session
    /// calls this, so tests never start a browser.
    pub fn allow_opening_files(&mut self) {
        self.screens.sheet.can_open = true;
    }

    /// True unless another instance is the writer.
    pub fn can_write(&self) -> bool {
        self.data.can_write()
    }

    pub(super) fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.status = None;
        if matches!(tab, Tab::Home | Tab::Practice | Tab::Cards) {
            self.flush_grades();
            self.refresh_facts();
        }
        self.refresh_showing();
    }

    /// Clock-driven work (autosave, timers, cards coming due, backups). Returns true if the screen
    /// changed: once a second while a practice answer is timed on screen, when a card comes due, when
    /// a story was saved or a backup failed.
    pub fn tick(&mut self) -> bool {
        let mut changed = self.finish_loading();
        for tab in Tab::SCREENS {
            let shown = tab == self.tab && self.overlay.is_none();
            changed |= self.with_screen(tab, |screen, cx| screen.tick(cx, shown));
        }
        changed |= self.backup_if_due();
        if let Some(status) = self.data.pick_up_inbox(self.now) {
            self.status = Some(status);
            changed = true;
        }
        if let Some(news) = self.data.pick_up_decks(self.now) {
            self.status = Some(Status::info(news));
            changed = true;
        }
        self.refresh_showing();
        changed
    }

    /// When clock-driven work is next due (an autosave), so the event loop can wake for it on time.
    pub fn next_deadline(&self) -> Option<DateTime<Utc>> {
        Tab::SCREENS
            .iter()
            .filter_map(|t| self.screens.get(*t).next_deadline())
            .min()
    }

    /// What drawing reads besides the screen's own state.
    fn view_ctx(&self) -> ViewCtx<'_> {
        ViewCtx {
            data: &self.data,
            facts: &self.facts,
            now: self.now,
            today: self.today(),
            offset: self.offset,
            size: self.size,
            theme: &self.theme,
        }
    }

    /// Lets the screen showing work out again what its next frames draw (after a switch, a resize or
    /// a tick), so frames only draw.
    pub(super) fn refresh_showing(&mut self) {
        let cx = ViewCtx {
            data: &self.data,
            facts: &self.facts,
            now: self.now,
            today: local_day(self.now, self.offset),
            offset: self.offset,
            size: self.size,
            theme: &self.theme,
        };
        self.screens.get_mut(self.tab).refresh(&cx);
    }

    /// Retries practice grades that have not reached the flashcard schedule yet.
    fn flush_grades(&mut self) {
        if self.data.pending_grades().is_empty() {
            return;
        }
        if let Ok(mut w) = self.data.writer()
            && let Err(text) = w.flush_grades()
        {
            self.status = Some(Status::new(Level::Error, text));
        }
    }
}
