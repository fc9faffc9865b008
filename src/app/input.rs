//! Terminal events become actions, and actions go to the overlay open or the screen showing.

use super::screens::Screens;
use super::{Action, App, Overlay, tab_at};
use crate::kit::keymap::{self, Group, Keymap};
use crate::kit::{Ctx, Screen, Tab};
use crate::kit::{ReadOnly, Status, Typing};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};

/// What the status line says after a key that nothing here is bound to.
const KEY_HINT: &str = "That key does nothing here. Press ? to see the keys that work.";

/// Whether `action` may act while the window is too small to show the screens: quitting, and a
/// letter or Backspace typed into the text field that has focus.
fn typed_blind(action: &Action) -> bool {
    match action {
        Action::Quit => true,
        Action::Edit(key) => {
            !key.modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace)
        }
        _ => false,
    }
}

impl App {
    /// True while a text field has focus, so Tab, q and letters go to the field.
    pub fn typing(&self) -> bool {
        self.overlay.is_none() && self.keymap_beneath().captures_text()
    }

    /// True while the window is below the smallest size the screens are drawn at.
    pub fn too_small(&self) -> bool {
        self.size.0 < super::MIN_WIDTH || self.size.1 < super::MIN_HEIGHT
    }

    /// True while the help overlay is open.
    pub fn help_open(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Help(_)))
    }

    /// The keys in force now: an overlay's, or the current screen's plus the global ones.
    pub fn keymap(&self) -> Keymap {
        if self.too_small() {
            // Nothing else works on what cannot be seen, but words typed into a text field are
            // kept: a persona walk typed "que" into a story in a squeezed window, and the app quit.
            let beneath = self.keymap_beneath();
            let typing = beneath
                .typing
                .filter(|_| self.overlay.is_none() && beneath.captures_text());
            return Keymap {
                groups: vec![Group {
                    title: "Window too small",
                    bindings: match typing {
                        Some(_) => keymap::TOO_SMALL_TYPING,
                        None => keymap::TOO_SMALL,
                    },
                }],
                typing,
            };
        }
        match self.overlay {
            Some(Overlay::ConfirmQuit(_)) => Keymap::of(vec![Group {
                title: "Quit without saving?",
                bindings: keymap::CONFIRM_QUIT,
            }]),
            Some(Overlay::LeaveRound) => Keymap::of(vec![Group {
                title: "Quit in the middle of the interview?",
                bindings: keymap::CONFIRM_LEAVE_ROUND,
            }]),
            Some(Overlay::Help(_)) => Keymap::of(vec![Group {
                title: "Help",
                bindings: keymap::HELP,
            }]),
            None => self.keymap_beneath(),
        }
    }

    /// The current screen's keys plus the global ones, whether or not help is open over them.
    pub fn keymap_beneath(&self) -> Keymap {
        if let Some(panel) = &self.panel {
            let mut keys = panel.screen().keys();
            keys.groups.push(if keys.captures_text() {
                Group {
                    title: "Typing",
                    bindings: keymap::TEXT_FIELD,
                }
            } else {
                Group {
                    title: "Everywhere",
                    bindings: keymap::PANEL,
                }
            });
            return keys;
        }
        let mut keys = self.screens.get(self.tab).keys();
        // Esc on a screen that has no use for it goes back to Home, where every day starts: a
        // user who presses Esc to get out was told "That key does nothing here" on Guides and Cards.
        let esc = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Esc);
        if self.tab != Tab::Home && !keys.captures_text() && keys.dispatch(&esc).is_none() {
            keys.groups.push(Group {
                title: "Back",
                bindings: keymap::ESC_HOME,
            });
        }
        keys.groups.push(if keys.captures_text() {
            Group {
                title: "Typing",
                bindings: keymap::TEXT_FIELD,
            }
        } else {
            Group {
                title: "Everywhere",
                bindings: keymap::GLOBAL,
            }
        });
        keys
    }

    /// Turns a terminal event into an action and applies it. Returns true if the screen may have
    /// changed. A key whose binding writes is refused here in a read-only window, with the reason on
    /// the status line; the writer refuses the write itself too.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                match self.keymap().dispatch(&key) {
                    // Blind, only letters and Backspace reach the text: Enter, Tab or Esc there
                    // would move on to what cannot be seen.
                    Some(d) if self.too_small() && !typed_blind(&d.action) => {}
                    Some(d) if d.writes && !self.data.can_write() => {
                        self.status = Some(Status::warn(ReadOnly.to_string()));
                    }
                    Some(d) => {
                        self.forget_key_hint();
                        self.update(d.action);
                    }
                    None if self.too_small() => {}
                    None => self.status_hint(),
                }
                true
            }
            Event::Paste(text) => {
                let typing = self.keymap().typing;
                match typing {
                    Some(Typing::Saved | Typing::Letters) if !self.data.can_write() => {
                        self.status = Some(Status::warn(ReadOnly.to_string()));
                    }
                    Some(_) => self.update(Action::Paste(text)),
                    None => {}
                }
                true
            }
            Event::Mouse(_) if self.too_small() => false,
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
                    if let Some(tab) = tab_at(self.size.0, m.column, m.row)
                        && !self.typing()
                        && self.panel.is_none()
                    {
                        self.update(Action::GoTo(tab));
                    }
                    true
                }
                _ => false,
            },
            Event::Resize(w, h) => {
                self.size = (w, h);
                self.refresh_showing();
                true
            }
            _ => false,
        }
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        self.ignored = None;
        // No screen ever acts on the first frame's partial data.
        self.finish_loading();
        match &self.overlay {
            Some(Overlay::ConfirmQuit(_)) => {
                match action {
                    Action::Quit => self.quit_despite_unsaved_story(),
                    Action::Back => self.overlay = None,
                    _ => {}
                }
                return;
            }
            Some(Overlay::LeaveRound) => {
                match action {
                    Action::Quit => {
                        self.overlay = None;
                        self.quit();
                    }
                    Action::Back => self.overlay = None,
                    _ => {}
                }
                return;
            }
            Some(Overlay::Help(scroll)) => {
                let (scroll, size) = (*scroll, self.size);
                let max = self.help_max_scroll(size);
                let page = self.help_page(size);
                let to = match action {
                    Action::ToggleHelp | Action::Back => {
                        self.overlay = None;
                        return;
                    }
                    Action::Quit => {
                        self.quit();
                        return;
                    }
                    Action::Up | Action::ScrollUp => scroll.saturating_sub(1),
                    Action::Down | Action::ScrollDown => scroll.saturating_add(1),
                    Action::PageUp => scroll.saturating_sub(page),
                    Action::PageDown => scroll.saturating_add(page),
                    _ => scroll,
                };
                self.overlay = Some(Overlay::Help(to.min(max)));
                return;
            }
            None => {}
        }
        match action {
            // Asked only where the question can be seen: a window too small takes q at its word.
            Action::Quit
                if self.tab == Tab::Practice
                    && self.screens.practice.asks_before_quitting()
                    && self.panel.is_none()
                    && !self.too_small() =>
            {
                self.overlay = Some(Overlay::LeaveRound);
            }
            // Quitting in the middle of the profile keeps what was chosen and typed, as Esc does:
            // a persona walk pressed q on the third step of the first start and lost the job and
            // the date. A save that failed says so and the app stays open with the answers.
            Action::Quit if self.setup_changed() => {
                self.update_panel(Action::Back);
                if !self
                    .status
                    .as_ref()
                    .is_some_and(|s| s.level == crate::kit::Level::Error)
                {
                    self.quit();
                }
            }
            Action::Quit => self.quit(),
            // The event loop stops the process before the key reaches the app (`tui::is_suspend_key`).
            Action::Suspend => {}
            Action::ToggleHelp => self.overlay = Some(Overlay::Help(0)),
            other if self.panel.is_some() => {
                self.update_panel(other);
            }
            Action::EditProfile => self.open_setup(false),
            Action::OpenFit => self.open_fit(),
            Action::ToggleAllRoles => self.toggle_all_roles(),
            Action::StartNext => self.start_next(),
            Action::NextTab => self.switch(self.tab.next()),
            Action::PrevTab => self.switch(self.tab.prev()),
            Action::GoTo(tab) => self.switch(tab),
            other => {
                let tab = self.tab;
                let before = self.data.focus_version();
                self.with_screen(tab, |screen, cx| screen.update(other, cx));
                // A new interview date changes today's plan and pace at once.
                if self.data.focus_version() != before {
                    self.refresh_facts();
                    self.refresh_showing();
                }
            }
        }
    }

    /// Runs `f` on the screen for `tab` with a context over the shared data.
    pub(super) fn with_screen<R>(
        &mut self,
        tab: Tab,
        f: impl FnOnce(&mut dyn Screen, &mut Ctx) -> R,
    ) -> R {
        let mut cx = screen_ctx!(self);
        let out = f(self.screens.get_mut(tab), &mut cx);
        if let Some(a) = cx.ignored.take() {
            self.ignored = Some(a);
        }
        out
    }

    /// Runs `f` on the screens themselves, for what only one does (open a story the plan names,
    /// keep what is typed when quitting).
    pub(super) fn with_screens<R>(&mut self, f: impl FnOnce(&mut Screens, &mut Ctx) -> R) -> R {
        let mut cx = screen_ctx!(self);
        f(&mut self.screens, &mut cx)
    }

    /// The last action the screen showing (or the open panel) had no use for, since the last
    /// [`App::update`]. A key listed in the footer or help must never end here: tests press every
    /// listed key in every state and check.
    pub fn ignored(&self) -> Option<&Action> {
        self.ignored.as_ref()
    }

    /// A gentle nudge for a key that does nothing here, so a newcomer is never stuck.
    fn status_hint(&mut self) {
        self.status = Some(Status::info(KEY_HINT));
    }

    /// Drops the nudge once a key works: left up, it would still say "does nothing" about the
    /// keys pressed since.
    fn forget_key_hint(&mut self) {
        if self.status.as_ref().is_some_and(|s| s.text == KEY_HINT) {
            self.status = None;
        }
    }
}
