//! The shell: the screens, the shared data, the overlays, the status line and the app's lifecycle.

/// The screens' context over the app's own fields, each borrowed on its own so `self.screens` (or
/// an open panel) stays free for the screen being updated. Before the modules that use it.
macro_rules! screen_ctx {
    ($app:expr) => {{
        let today = $app.today();
        crate::kit::Ctx {
            data: &mut $app.data,
            facts: &$app.facts,
            now: $app.now,
            today,
            size: $app.size,
            offset: $app.offset,
            theme: &$app.theme,
            status: &mut $app.status,
            ignored: None,
        }
    }};
}

mod bars;
mod facts;
mod help;
mod input;
mod lifecycle;
mod panels;
mod screens;
mod startup;
mod view;

pub use crate::kit::{Action, Tab, Theme};
/// How long after the first unsaved change the story editor saves by itself.
pub use crate::screens::stories::editor::AUTOSAVE_DELAY;
pub use lifecycle::Access;
pub use view::tab_at;

use crate::domain::prep::charts::local_day;
use crate::domain::stories::Story;
use crate::kit::{AppData, Facts, Level, Status, ViewCtx};
use crate::storage::recovery::Recovered;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
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
    /// q in the middle of a mock interview: a word typed while speaking out loud ("quiet") once
    /// quit the app mid-answer.
    LeaveRound,
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

impl App {
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
