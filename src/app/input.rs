//! Terminal events become actions: the keymap in force, and what a key, paste, click or resize means.

use super::keymap::{Group, Keymap};
use super::{Action, App, Level, Status, Tab, keymap};
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

impl App {
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
                    if let Some(tab) = crate::app::view::tab_at(self.size.0, m.column, m.row)
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
}
