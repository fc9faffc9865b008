//! The application state and the one `update` that changes it.

pub mod action;
pub mod keymap;
pub mod startup;
pub mod theme;

pub use action::{Action, Tab};
pub use keymap::{Binding, Group, Keymap};
pub use startup::Access;
pub use theme::Theme;

use crate::content::Library;
use crate::lock::Holder;
use crate::paths::Paths;
use crate::recovery::Recovered;
use crate::screens::{guides::Guides, home::Home};
use chrono::{DateTime, Utc};
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
    pub data: Data,
    pub home: Home,
    pub guides: Guides,
    /// Set when another instance is the writer: nothing may be saved (see [`App::can_write`]).
    pub read_only: Option<Holder>,
    /// Unsaved text taken back from a crash at start, for the editor to offer.
    pub recovered: Vec<Recovered>,
    /// The automatic backup's schedule and the backup running now, if any.
    auto_backup: startup::AutoBackup,
}

impl App {
    /// Builds the app over `paths`, loading content. Never fails: problems are shown on screen.
    pub fn new(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        let library = Library::load(Some(&paths.user_content_dir()));
        let status = (!library.problems.is_empty()).then(|| Status {
            level: Level::Warning,
            text: format!(
                "{} problem(s) in content files; run `clinicprep check` to see them. The rest loaded.",
                library.problems.len()
            ),
        });
        let guides = Guides::new(&library);
        App {
            tab: Tab::Home,
            help: None,
            should_quit: false,
            theme,
            size: (80, 24),
            status,
            now,
            data: Data { paths, library },
            home: Home,
            guides,
            read_only: None,
            recovered: Vec::new(),
            auto_backup: startup::AutoBackup::default(),
        }
    }

    /// True while a text field has focus, so Tab, q and letters go to the field.
    pub fn editing(&self) -> bool {
        self.help.is_none() && self.tab == Tab::Guides && self.guides.editing()
    }

    /// The keys in force now: the help overlay's, or the current screen's plus the global ones.
    pub fn keymap(&self) -> Keymap {
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
            Tab::Cards | Tab::Stories | Tab::Practice => vec![],
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
            other => match self.tab {
                Tab::Home => {}
                Tab::Guides => self.guides.update(other, &self.data.library, self.size),
                Tab::Cards | Tab::Stories | Tab::Practice => {}
            },
        }
    }

    fn switch(&mut self, tab: Tab) {
        self.tab = tab;
        self.status = None;
    }

    /// Clock-driven work (autosave, timers). Returns true if the screen changed.
    pub fn tick(&mut self) -> bool {
        self.backup_if_due()
    }

    /// Saves whatever is pending and marks the app to close.
    pub fn quit(&mut self) {
        self.should_quit = true;
    }
}
