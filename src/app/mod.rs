//! The application state and the one `update` that changes it.

pub mod action;
pub mod facts;
pub mod keymap;
pub mod links;
pub mod startup;
pub mod theme;
pub mod userdata;

pub use action::{Action, Tab};
pub use facts::Facts;
pub use keymap::{Binding, Group, Keymap};
pub use startup::Access;
pub use theme::Theme;
pub use userdata::UserData;

use crate::content::{Id, Library};
use crate::lock::Holder;
use crate::paths::Paths;
use crate::practice::Graded;
use crate::recovery::Recovered;
use crate::schedule::{ReviewStore, Settings, StoreOptions};
use crate::screens::stories::{self, Stories};
use crate::screens::{cards::Cards, guides::Guides, home::Home, practice::Practice};
use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

/// Smallest window the screens are laid out for; below it a short message asks for a bigger window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// How serious a status-line message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// A one-line message shown above the footer until the next one replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub level: Level,
    pub text: String,
}

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
            .map(|(id, title)| (id, crate::sanitize::clean_line(&title)))
            .collect();
    }

    /// True while a text field has focus, so Tab, q and letters go to the field.
    pub fn editing(&self) -> bool {
        if self.help.is_some() || self.confirm_quit.is_some() {
            return false;
        }
        match self.tab {
            Tab::Guides => self.guides.editing(),
            Tab::Home => self.home.editing(),
            Tab::Stories => self.stories.editing(),
            _ => false,
        }
    }

    /// The keys in force now: the help overlay's, or the current screen's plus the global ones.
    pub fn keymap(&self) -> Keymap {
        if self.confirm_quit.is_some() {
            return Keymap {
                groups: vec![Group {
                    title: "Quit without saving?",
                    bindings: keymap::CONFIRM_QUIT,
                }],
                captures_text: false,
            };
        }
        if self.help.is_some() {
            return Keymap {
                groups: vec![Group {
                    title: "Help",
                    bindings: keymap::HELP,
                }],
                captures_text: false,
            };
        }
        self.keymap_beneath()
    }

    /// The current screen's keys plus the global ones, whether or not help is open over them.
    pub fn keymap_beneath(&self) -> Keymap {
        let mut groups = match self.tab {
            Tab::Home => self.home.keymap(),
            Tab::Guides => self.guides.keymap(),
            Tab::Practice => self.practice.keymap(),
            Tab::Cards => self.cards.keymap(),
            Tab::Stories => self.stories.keymap(),
        };
        let captures_text = self.editing();
        if captures_text {
            groups.push(Group {
                title: "Typing",
                bindings: keymap::TEXT_FIELD,
            });
        } else {
            groups.push(Group {
                title: "Everywhere",
                bindings: keymap::GLOBAL,
            });
        }
        Keymap {
            groups,
            captures_text,
        }
    }

    /// Turns a terminal event into an action and applies it. Returns true if the screen may have changed.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                match self.keymap().dispatch(&key) {
                    Some(action) => self.update(action),
                    None => self.status_hint(),
                }
                true
            }
            Event::Paste(text) => {
                if self.editing() {
                    self.update(Action::Paste(text));
                }
                true
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollUp => {
                    self.update(Action::ScrollUp);
                    true
                }
                MouseEventKind::ScrollDown => {
                    self.update(Action::ScrollDown);
                    true
                }
                MouseEventKind::Down(MouseButton::Left) => {
                    if let Some(tab) = crate::ui::tab_at(self.size.0, m.column, m.row)
                        && !self.editing()
                    {
                        self.update(Action::GoTo(tab));
                    }
                    true
                }
                _ => false,
            },
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.refresh_derived();
                true
            }
            _ => false,
        }
    }

    /// A gentle nudge for a key that does nothing here, so a newcomer is never stuck.
    fn status_hint(&mut self) {
        self.status = Some(Status {
            level: Level::Info,
            text: "That key does nothing here. Press ? to see the keys that work.".into(),
        });
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

    /// Saves whatever is pending and marks the app to close. Grades are already on disk; the
    /// schedule snapshot is refreshed when enough grades piled up past it (a failed snapshot loses
    /// nothing: the journal has every grade). If a story cannot be saved, asks first (autosave keeps
    /// retrying meanwhile); if another file cannot be saved, says so once and the next quit goes ahead.
    pub fn quit(&mut self) {
        if let Some(store) = self.data.reviews.as_mut() {
            let _ = store.maybe_snapshot();
        }
        if !self.stories.flush(self.now, &mut self.status) {
            let title = self
                .stories
                .unsaved()
                .map_or("your story", |s| stories::display_title(&s.title));
            self.confirm_quit = Some(format!(
                "“{title}” could not be saved (the reason is on screen). Quit anyway? A copy of the text \
                 is written to a temporary file, but the story itself stays unsaved."
            ));
            return;
        }
        if self.save_pending() || self.quit_anyway {
            self.should_quit = true;
        } else {
            self.quit_anyway = true;
        }
    }

    /// Closes the app for a signal (SIGTERM, SIGHUP…): saves what it can and never waits for an
    /// answer, since there may be no terminal left to ask on.
    pub fn shutdown(&mut self) {
        if let Some(store) = self.data.reviews.as_mut() {
            let _ = store.maybe_snapshot();
        }
        if !self.stories.flush(self.now, &mut self.status) {
            self.rescue();
        }
        self.save_pending();
        self.should_quit = true;
    }

    /// Quits although a story could not be saved, after the user said so.
    fn quit_despite_unsaved_story(&mut self) {
        self.confirm_quit = None;
        if !self.stories.flush(self.now, &mut self.status) {
            self.rescue();
        }
        self.should_quit = true;
    }

    /// Writes unsaved text to a temporary file as a last resort, and notes where for the shell.
    fn rescue(&mut self) {
        self.exit_note = Some(match self.stories.rescue(self.now) {
            Ok(path) => format!(
                "Your unsaved story could not go to the stories folder; a copy is in {}",
                path.display()
            ),
            Err(e) => format!("Your unsaved story could not be saved anywhere: {e}"),
        });
    }
}
