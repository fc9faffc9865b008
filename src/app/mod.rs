//! The application state and the one `update` that changes it.

mod input;
pub mod links;
mod quitting;
pub mod startup;
pub mod userdata;
pub mod view;

pub use crate::kit::{
    Action, Binding, Facts, Group, Keymap, Level, Status, Tab, Theme, facts, keymap,
};
pub use startup::Access;
pub use userdata::UserData;

use crate::domain::content::{Id, Library};
use crate::domain::practice::Graded;
use crate::domain::schedule::{ReviewStore, Settings, StoreOptions};
use crate::screens::stories::{self, Stories};
use crate::screens::{cards::Cards, guides::Guides, home::Home, practice::Practice};
use crate::storage::lock::Holder;
use crate::storage::paths::Paths;
use crate::storage::recovery::Recovered;
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};

/// Smallest window the screens are laid out for; below it a short message asks for a bigger window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Data every screen reads: content and the user's files.
#[derive(Debug)]
pub struct Data {
    pub paths: Paths,
    pub library: Library,
    /// Checklist, starred questions and the practice round log.
    pub user: UserData,
    /// Review history and schedule; `None` when it could not be opened (the Cards screen says why).
    pub reviews: Option<ReviewStore>,
}

/// The whole app: which screen is showing, each screen's state, and the shared data.
#[derive(Debug)]
pub struct App {
    pub tab: Tab,
    /// Scroll offset of the help overlay, when it is open.
    pub help: Option<u16>,
    pub should_quit: bool,
    pub theme: Theme,
    /// Size of the last frame, for mouse hit-testing.
    pub size: (u16, u16),
    pub status: Option<Status>,
    /// The current time, set by the event loop (or a test) before each event.
    pub now: DateTime<Utc>,
    /// The user's offset from UTC, which decides calendar days (UTC until the CLI sets the local one).
    pub offset: FixedOffset,
    pub data: Data,
    /// Plain facts from Cards and Stories that Home and Practice read.
    pub facts: Facts,
    /// The interview date, if the user set one (`i` on Home).
    pub interview: Option<NaiveDate>,
    /// Set when a setting kept in the config file changed (the interview date), so it gets saved.
    pub settings_changed: bool,
    /// Practice grades not yet applied to the flashcard schedule (see `record_grade`).
    pub pending_grades: Vec<Graded>,
    /// A save failed at quit and the user was told; the next quit goes ahead anyway.
    quit_anyway: bool,
    pub home: Home,
    pub guides: Guides,
    pub practice: Practice,
    pub cards: Cards,
    pub stories: Stories,
    /// Set when quitting would lose text that could not be saved: the question shown to the user.
    pub confirm_quit: Option<String>,
    /// A message for the shell after the terminal is restored (where rescued text went).
    pub exit_note: Option<String>,
    /// Set when another instance is the writer: nothing may be saved (see [`App::can_write`]).
    pub read_only: Option<Holder>,
    /// Unsaved text taken back from a crash at start, for the editor to offer.
    pub recovered: Vec<Recovered>,
    /// The automatic backup's schedule and the backup running now, if any.
    auto_backup: startup::AutoBackup,
    /// What the facts were last taken from, so a screen switch redoes only what changed.
    facts_from: links::FactsFrom,
}

impl App {
    /// Builds the app over `paths`, loading content and opening the review history. Never fails:
    /// problems are shown on screen.
    pub fn new(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        let library = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
        let user = UserData::load(&paths);
        let mut status = if let Some(problem) = user.problems().into_iter().next() {
            Some(Status {
                level: Level::Error,
                text: problem,
            })
        } else {
            (!library.problems.is_empty()).then(|| Status {
                level: Level::Warning,
                text: format!(
                    "{} problem(s) in content files; run `clinicprep check` to see them. The rest loaded.",
                    library.problems.len()
                ),
            })
        };
        let guides = Guides::new(&library, theme);
        let mut cards = Cards::new(&library);
        // Review-history problems outrank content problems: they concern the user's own data.
        let reviews = match ReviewStore::open(&paths.data_dir, &StoreOptions::default(), now) {
            Ok((store, notices)) => {
                status = cards.set_notices(&notices).or(status);
                Some(store)
            }
            Err(e) => {
                status = cards.set_store_error(&e);
                None
            }
        };
        let stories = Stories::load(&paths, &library, theme);
        let mut app = App {
            tab: Tab::Home,
            help: None,
            should_quit: false,
            theme,
            size: (80, 24),
            status,
            now,
            offset: Utc.fix(),
            data: Data {
                paths,
                library,
                user,
                reviews,
            },
            facts: Facts::default(),
            interview: None,
            settings_changed: false,
            pending_grades: Vec::new(),
            quit_anyway: false,
            home: Home::new(),
            guides,
            practice: Practice::new(),
            cards,
            stories,
            confirm_quit: None,
            exit_note: None,
            read_only: None,
            recovered: Vec::new(),
            auto_backup: startup::AutoBackup::default(),
            facts_from: links::FactsFrom::default(),
        };
        app.refresh_facts();
        app
    }

    /// Sets the interview date that cram mode aims at (from the config file or Home).
    pub fn set_interview_date(&mut self, date: Option<NaiveDate>) {
        self.interview = date;
        self.cards.interview = date;
    }

    /// Changes study settings (retention, maximum interval, daily new cards) for future grades.
    pub fn set_study_settings(&mut self, settings: Settings) {
        if let Some(store) = self.data.reviews.as_mut() {
            store.set_settings(settings);
        }
    }

    /// Tells the Cards screen which STAR story answers which question, to show on the card's back.
    /// Titles come from the user's files, so they are cleaned for the terminal here.
    pub fn set_story_titles(&mut self, titles: impl IntoIterator<Item = (Id, String)>) {
        self.cards.story_titles = titles
            .into_iter()
            .map(|(id, title)| (id, crate::storage::sanitize::clean_line(&title)))
            .collect();
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        if self.confirm_quit.is_some() {
            match action {
                Action::Quit => self.quit_despite_unsaved_story(),
                Action::Back => self.confirm_quit = None,
                _ => {}
            }
            return;
        }
        if self.help.is_some() {
            match action {
                Action::ToggleHelp | Action::Back => self.help = None,
                Action::Up | Action::ScrollUp => self.help = self.help.map(|s| s.saturating_sub(1)),
                Action::Down | Action::ScrollDown => {
                    self.help = self.help.map(|s| s.saturating_add(1))
                }
                Action::Quit => self.quit(),
                _ => {}
            }
            return;
        }
        match action {
            Action::Quit => self.quit(),
            Action::ToggleHelp => self.help = Some(0),
            Action::NextTab => self.switch(self.tab.next()),
            Action::PrevTab => self.switch(self.tab.prev()),
            Action::GoTo(tab) => self.switch(tab),
            other if !self.can_write() && self.would_write(&other) => {
                self.status = Some(Status {
                    level: Level::Warning,
                    text:
                        "This window is read-only because another clinicprep has this data folder \
                           open. Make changes there, or close it and start again here."
                            .into(),
                });
            }
            other => match self.tab {
                Tab::Home if other == Action::SetInterviewDate => {
                    self.home.open_date(self.interview)
                }
                Tab::Home => {
                    let today = self.today();
                    if let Some(effect) = self.home.update(other, &self.data.library, today) {
                        self.apply_home(effect);
                    }
                }
                Tab::Guides => self.guides.update(other, &self.data.library, self.size),
                Tab::Practice => {
                    let effect =
                        self.practice
                            .update(other, &self.data.library, &self.facts, self.now);
                    if let Some(effect) = effect {
                        self.apply_practice(effect);
                    }
                }
                Tab::Cards => self.cards.update(
                    other,
                    &self.data.library,
                    self.data.reviews.as_mut(),
                    self.now,
                    &mut self.status,
                    self.size,
                ),
                Tab::Stories => {
                    let mut cx = stories::Ctx {
                        lib: &self.data.library,
                        now: self.now,
                        size: self.size,
                        status: &mut self.status,
                    };
                    self.stories.update(other, &mut cx);
                }
            },
        }
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.status = None;
        if matches!(tab, Tab::Home | Tab::Practice | Tab::Cards) {
            self.flush_grades();
            self.refresh_facts();
        }
        self.refresh_derived();
    }

    /// Clock-driven work (autosave, timers, cards coming due). Returns true if the screen changed:
    /// once a second while a practice answer is being timed on screen, or when a card comes due.
    pub fn tick(&mut self) -> bool {
        let practice =
            self.tab == Tab::Practice && self.help.is_none() && self.practice.tick(self.now);
        let cards = match self.data.reviews.as_ref() {
            Some(store) => self.cards.tick(store, self.now) && self.tab == Tab::Cards,
            None => false,
        };
        let stories = self.stories.tick(self.now, &mut self.status);
        let backup = self.backup_if_due();
        self.refresh_derived();
        practice || cards || stories || backup
    }

    /// When clock-driven work is next due (an autosave), so the event loop can wake for it on time.
    pub fn next_deadline(&self) -> Option<DateTime<Utc>> {
        self.stories.next_deadline()
    }
}
