//! The contract every screen keeps with the app, and the contexts it gets for it.

use super::data::{AppData, ReadOnly, Writer};
use super::facts::Facts;
use super::keymap::Keymap;
use super::status::Status;
use super::{Action, Theme};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What `update` and `tick` get from the app: the shared data (read it freely; write only through
/// [`Ctx::writer`]), the facts other screens worked out, the clock, the terminal size and the
/// status line.
pub struct Ctx<'a> {
    pub data: &'a mut AppData,
    pub facts: &'a Facts,
    pub now: DateTime<Utc>,
    /// The user's calendar day at `now`.
    pub today: NaiveDate,
    /// Terminal size, for page-sized moves.
    pub size: (u16, u16),
    /// The user's offset from UTC, which decides calendar days.
    pub offset: FixedOffset,
    pub theme: &'a Theme,
    /// The status line: a screen replaces it to tell the user something.
    pub status: &'a mut Option<Status>,
    /// The action `update` had no use for, if it said so with [`Ctx::ignore`].
    pub ignored: Option<Action>,
}

impl Ctx<'_> {
    /// Says that this screen, in its present state, does nothing with `action`. Every `update`
    /// ends its `match` with this rather than a silent `_ => {}`, so the app (and the tests that
    /// press every key a screen lists) can tell a key that works from one listed by mistake.
    pub fn ignore(&mut self, action: Action) {
        self.ignored = Some(action);
    }

    /// Puts `status` on the status line.
    pub fn say(&mut self, status: Status) {
        *self.status = Some(status);
    }

    /// Clears the status line if it still shows `status`: a warning about something the user has
    /// since put right, or left behind, that would otherwise stay on screen saying it is wrong.
    /// Anything said since is left alone.
    pub fn take_back(&mut self, status: &Status) {
        if self.status.as_ref() == Some(status) {
            *self.status = None;
        }
    }

    /// The one writer of the user's files. In a read-only window this says why on the status line
    /// and returns `None`.
    pub fn writer(&mut self) -> Option<Writer<'_>> {
        match self.data.writer() {
            Ok(w) => Some(w),
            Err(ReadOnly) => {
                *self.status = Some(Status::warn(ReadOnly.to_string()));
                None
            }
        }
    }

    /// The read-only view of the same things, for code shared with drawing.
    pub fn view(&self) -> ViewCtx<'_> {
        ViewCtx {
            data: self.data,
            facts: self.facts,
            now: self.now,
            today: self.today,
            offset: self.offset,
            size: self.size,
            theme: self.theme,
        }
    }
}

/// What drawing gets from the app: shared data and facts to read, the clock, the terminal size and
/// the theme. Drawing never writes and never does I/O.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub data: &'a AppData,
    pub facts: &'a Facts,
    pub now: DateTime<Utc>,
    /// The user's calendar day at `now`.
    pub today: NaiveDate,
    /// The user's offset from UTC, which decides calendar days.
    pub offset: FixedOffset,
    /// Size of the whole terminal (the screen's own area is passed to `render`).
    pub size: (u16, u16),
    pub theme: &'a Theme,
}

/// A focused text field: whether what is typed there ends up in the user's files (the story editor)
/// or not (a search box), so a read-only window can refuse the first and allow the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    Search,
    Saved,
    /// No field has focus, but the letters no key takes are the screen's to type with, and end
    /// up in the user's files: an answer given out loud turns into a typed one at its first letter.
    /// The app's own keys (Tab, ?, q) still work.
    Letters,
}

/// One screen of the app. Adding a screen is a folder under `screens/`, an impl of this trait, and
/// one line in the app's list of screens (`app/screens.rs`).
pub trait Screen {
    /// The keys in force on this screen now, most specific first, and whether a text field has
    /// focus; the app adds the global keys (or the typing keys) after these. Dispatch, the footer and
    /// the help overlay all read it.
    fn keys(&self) -> Keymap;

    /// Carries out one action. Writes go through `cx.writer()`.
    fn update(&mut self, action: Action, cx: &mut Ctx);

    /// Clock-driven work (autosave, a running timer), on every wake-up of the event loop, for every
    /// screen; `shown` says whether this one is on screen with nothing over it. Returns true if the
    /// screen needs drawing again.
    fn tick(&mut self, _cx: &mut Ctx, _shown: bool) -> bool {
        false
    }

    /// When clock-driven work is next due, so the event loop can wake for it on time.
    fn next_deadline(&self) -> Option<DateTime<Utc>> {
        None
    }

    /// Works out again what the next frames draw, when something other than this screen's `update`
    /// may have changed it: the screen was switched to, the window resized, the clock ticked.
    fn refresh(&mut self, _cx: &ViewCtx) {}

    /// Draws the screen in `area` from its own state and `cx`.
    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer);
}
