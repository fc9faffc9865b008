//! The Cards screen: decks with new / learning / due counts, filters, review sessions and their end
//! screen, and a search that finds one card and shows its history.

mod deck_names;
mod deck_table;
mod decks;
mod find;
mod find_view;
mod keys;
mod review;
mod review_view;
mod rows;
mod summary;
mod summary_view;
mod view;

use crate::domain::content::{Id, Library};
use crate::domain::plan::Focus;
use crate::domain::schedule::{Counts, Notice, ReviewStore, ScheduleError};
use crate::domain::study::{Catalogue, Choices, Deck, Filter, Kind, Session, Side};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, AppData, Ctx, Level, Screen, Status, Typing, ViewCtx};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// What the Cards screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Decks,
    Review,
    /// The end-of-session summary.
    Summary,
    /// The search box over every card and the cards it finds.
    Search,
    /// One card opened from the search, with its review history.
    Browse,
}

/// One row of the deck list with what studying it would bring up now.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckRow {
    pub deck: Deck,
    pub label: String,
    pub counts: Counts,
    /// Cards in the deck under the filters, and how many of them have been studied at least once.
    pub total: usize,
    pub seen: usize,
}

#[derive(Debug)]
pub struct Cards {
    pub view: View,
    pub catalogue: Catalogue,
    pub filter: Filter,
    /// The highlighted deck, an index into [`Cards::decks`].
    pub cursor: usize,
    pub session: Option<Session>,
    /// The options of the card showing, when it is multiple choice.
    pub choices: Option<Choices>,
    /// First visible line of the card showing.
    pub scroll: usize,
    /// True while the card showing (in review or opened from the search) is taller than the
    /// window, worked out with the scroll after each key and resize.
    taller_than_window: bool,
    /// What was repaired or found wrong in the review history at start-up, with what to do.
    pub notices: Vec<String>,
    /// Why the review history could not be opened; studying is off until the user fixes it.
    pub store_error: Option<String>,
    /// When `tick` last looked for cards coming due.
    checked_at: Option<DateTime<Utc>>,
    /// Standings and the deck list's rows, kept between frames (see `rows`).
    kept: rows::Kept,
    /// What the end-of-session summary says is left, kept between frames (see `summary`).
    summary: summary::Kept,
    /// What "My interview" holds, from the profile, and the version it was taken at.
    pub focus: Focus,
    focus_version: u64,
    /// For each catalogue card, whether "My interview" holds it: worked out once per focus, so the
    /// deck list and Home's plan only read it.
    held: Vec<bool>,
    /// The version of the user's cards the catalogue was built from.
    cards_version: u64,
    /// The card search and the card opened from it.
    pub finder: find::Finder,
}

fn say(level: Level, text: impl Into<String>) -> Option<Status> {
    Some(Status::new(level, text))
}

impl Cards {
    pub fn new(lib: &Library) -> Cards {
        Cards {
            view: View::Decks,
            catalogue: Catalogue::from_library(lib),
            filter: Filter::default(),
            cursor: 0,
            session: None,
            choices: None,
            scroll: 0,
            taller_than_window: false,
            notices: Vec::new(),
            store_error: None,
            checked_at: None,
            kept: Default::default(),
            summary: Default::default(),
            focus: Focus::everything(),
            focus_version: 0,
            held: Vec::new(),
            cards_version: 0,
            finder: find::Finder::default(),
        }
    }

    /// True when "My interview" holds catalogue card `i`.
    pub(super) fn holds(&self, i: usize) -> bool {
        match self.held.get(i) {
            Some(h) => *h,
            None => self
                .catalogue
                .cards
                .get(i)
                .is_some_and(|c| self.focus.holds(c)),
        }
    }

    /// The deck list: "My interview" first, then the catalogue's decks.
    pub fn decks(&self) -> Vec<Deck> {
        std::iter::once(Deck::Interview)
            .chain(self.catalogue.decks())
            .collect()
    }

    /// The profile changed: take the new focus, and highlight "My interview" again.
    pub fn follow(&mut self, data: &AppData) {
        self.sync_focus(data);
        self.cursor = 0;
    }

    /// Takes the focus from the shared data if it changed, and the cards if they were loaded again.
    pub(super) fn sync_focus(&mut self, data: &AppData) {
        if self.cards_version != data.cards_version() {
            self.cards_version = data.cards_version();
            self.catalogue = Catalogue::from_library(data.library());
            self.kept = Default::default();
            self.cursor = self.cursor.min(self.decks().len().saturating_sub(1));
            self.finder.reindex(&self.catalogue, data.library());
            if self.view == View::Browse && self.finder.open.is_none() {
                self.view = View::Search;
            }
        }
        if self.focus_version != data.focus_version()
            || self.held.len() != self.catalogue.cards.len()
        {
            self.focus = data.focus().clone();
            self.focus_version = data.focus_version();
            self.held = self.focus.held(&self.catalogue);
        }
    }

    /// The ids a deck holds under the filters: "My interview" through the focus (those meant for
    /// the user's background first), the others through the catalogue.
    pub(super) fn select(&self, deck: &Deck) -> Vec<Id> {
        match deck {
            Deck::Interview => self.focus.select(&self.catalogue, &self.filter),
            other => self.catalogue.select(other, &self.filter),
        }
    }

    /// Clock work: true when a card came due or the day changed since the last call, so counts on
    /// screen are redrawn without waiting for a key press.
    fn came_due(&mut self, store: &ReviewStore, now: DateTime<Utc>) -> bool {
        let Some(last) = self.checked_at.replace(now) else {
            return false;
        };
        let (from, to) = (last.timestamp_millis(), now.timestamp_millis());
        store.today(last) != store.today(now)
            || store
                .ledger()
                .cards()
                .values()
                .any(|c| c.due_ms > from && c.due_ms <= to)
    }

    /// Records start-up notices; returns the first as a status line naming the file and what to do.
    pub fn set_notices(&mut self, notices: &[Notice]) -> Option<Status> {
        self.notices = notices
            .iter()
            .map(|n| format!("{n} {}", n.advice()))
            .collect();
        let first = self.notices.first()?;
        let more = match self.notices.len() {
            1 => String::new(),
            n => format!(" (and {} more on the Cards screen)", n - 1),
        };
        say(Level::Warning, format!("Review history: {first}{more}"))
    }

    /// Records why the review history could not be opened; returns it as an error status.
    pub fn set_store_error(&mut self, e: &ScheduleError) -> Option<Status> {
        let text = format!(
            "Your review history could not be opened: {e}. {} Cards cannot be graded until then.",
            e.advice()
        );
        self.store_error = Some(text.clone());
        say(Level::Error, text)
    }

    fn groups(&self) -> Vec<Group> {
        let group = |title, bindings| Group { title, bindings };
        let proposed = self.session.as_ref().and_then(|s| s.proposed);
        let scrolling = if self.taller_than_window {
            keys::SCROLL_MORE
        } else {
            keys::SCROLL
        };
        match (self.view, self.session.as_ref().map(|s| s.side)) {
            (View::Review, Some(Side::Front)) if self.choices.is_some() => vec![
                group(
                    "Multiple choice",
                    keys::pick_keys(self.choices.as_ref().map_or(0, |c| c.options.len())),
                ),
                group("Card", keys::FRONT),
                group("Scrolling", scrolling),
            ],
            (View::Review, Some(Side::Front)) => {
                vec![group("Card", keys::FRONT), group("Scrolling", scrolling)]
            }
            (View::Review, _) => {
                let accept = proposed.map_or(&[][..], keys::accept_keys);
                vec![
                    group("Grade", accept),
                    group("Grade", keys::BACK),
                    group("Scrolling", scrolling),
                ]
            }
            (View::Summary, _) => vec![group("Session done", keys::SUMMARY)],
            (View::Search, _) => vec![group("Find a card", keys::SEARCH)],
            (View::Browse, _) => vec![group("Card", keys::BROWSE), group("Scrolling", scrolling)],
            // With a filter set, Esc clears it before it goes back to Home, as on Stories: a
            // regression walk left Cards with Esc and the role filter still on.
            (View::Decks, _) if !self.filter.is_empty() => vec![
                group("Decks", keys::DECKS),
                group("Filters", keys::CLEAR_FILTERS),
            ],
            (View::Decks, _) => vec![group("Decks", keys::DECKS)],
        }
    }

    /// Keeps the scroll of the card showing inside it at this window size, and notes whether the
    /// card is taller than the window (the footer then names the scroll keys).
    fn fit_to_window(&mut self, cx: &ViewCtx) {
        self.taller_than_window = false;
        let page = review_view::page_height(cx.size.1);
        if self.view == View::Review {
            let max = review_view::card_len(self, cx, cx.size.0).saturating_sub(page);
            self.scroll = self.scroll.min(max);
            self.taller_than_window = max > 0;
        }
        if let Some(open) = self
            .finder
            .open
            .as_ref()
            .filter(|_| self.view == View::Browse)
        {
            let max = find_view::browse_len(self, cx, cx.size.0).saturating_sub(page);
            let scroll = open.scroll.min(max);
            if let Some(open) = self.finder.open.as_mut() {
                open.scroll = scroll;
            }
            self.taller_than_window = max > 0;
        }
    }

    /// Gets the card now showing ready: scrolled to the top, options shuffled for today.
    fn show_card(&mut self, lib: &Library, store: Option<&ReviewStore>, now: DateTime<Utc>) {
        self.scroll = 0;
        self.choices = None;
        let Some(store) = store else {
            return;
        };
        let Some(id) = self.session.as_ref().and_then(|s| s.current()) else {
            return;
        };
        if let Some(Kind::Fact(i)) = self.catalogue.get(id).map(|c| c.kind) {
            self.choices = lib
                .facts
                .get(i)
                .and_then(|f| Choices::for_fact(f, store.today(now)));
        }
    }

    fn close_session(&mut self) {
        self.session = None;
        self.choices = None;
        self.view = View::Decks;
    }
}

impl Screen for Cards {
    fn keys(&self) -> Keymap {
        Keymap {
            groups: self.groups(),
            // While the search box is open every key that is not bound above is typed into it.
            typing: (self.view == View::Search).then_some(Typing::Search),
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        self.sync_focus(cx.data);
        match self.view {
            View::Decks => self.update_decks(action, cx),
            View::Review => self.update_review(action, cx),
            View::Summary => match action {
                Action::Select | Action::Back => self.close_session(),
                Action::UndoGrade => self.undo(cx),
                other => cx.ignore(other),
            },
            View::Search => self.update_search(action, cx),
            View::Browse => self.update_browse(action, cx),
        }
        if self.view == View::Decks
            && let Some(store) = cx.data.reviews()
        {
            self.refresh_rows(store, cx.now);
        }
        if self.view == View::Summary
            && let Some(store) = cx.data.reviews()
        {
            self.refresh_summary(store, cx.now);
        }
        self.fit_to_window(&cx.view());
    }

    /// Looks for cards coming due even while another screen shows, so the counts are right on return.
    fn tick(&mut self, cx: &mut Ctx, shown: bool) -> bool {
        let Some(store) = cx.data.reviews() else {
            return false;
        };
        self.came_due(store, cx.now) && shown
    }

    fn refresh(&mut self, cx: &ViewCtx) {
        self.sync_focus(cx.data);
        self.fit_to_window(cx);
        if let Some(store) = cx.data.reviews() {
            self.refresh_rows(store, cx.now);
            if self.view == View::Summary {
                self.refresh_summary(store, cx.now);
            }
        }
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

#[cfg(test)]
mod tests;
