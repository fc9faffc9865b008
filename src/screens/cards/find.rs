//! Finding one card: `/` on the deck list opens a search box over every card's front, back and tags;
//! Enter opens the card with its review history. While the box is open every key types.

use super::{Cards, View};
use crate::domain::content::Library;
use crate::domain::schedule::PastReview;
use crate::domain::study::{CardIndex, Catalogue};
use crate::kit::{Action, Ctx};
use crate::widgets::field::{Lines, TextField};

/// Most results listed: enough to scroll through, few enough to draw in a frame.
pub const MAX_HITS: usize = 500;

/// The search box, its results and the card opened from them.
#[derive(Debug)]
pub struct Finder {
    pub query: TextField,
    /// Catalogue indices of the matching cards.
    pub hits: Vec<usize>,
    /// The highlighted result, an index into `hits`.
    pub hit: usize,
    /// Every card's words, folded; built when the search first opens.
    index: CardIndex,
    /// Queries typed so far, each a start of the next, with the cards it found: Backspace finds its
    /// answer here without a search.
    trail: Vec<(String, Vec<usize>)>,
    /// The card opened with Enter, if one is.
    pub open: Option<Opened>,
}

/// A card opened from the results: which, its past reviews (or why they could not be read) and how
/// far its page is scrolled.
#[derive(Debug)]
pub struct Opened {
    pub card: usize,
    pub history: Result<Vec<PastReview>, String>,
    pub scroll: usize,
}

impl Default for Finder {
    fn default() -> Self {
        Finder {
            query: TextField::new(Lines::One, "type words from a card's front, back or tags"),
            hits: Vec::new(),
            hit: 0,
            index: CardIndex::default(),
            trail: Vec::new(),
            open: None,
        }
    }
}

impl Finder {
    pub fn query_text(&self) -> String {
        self.query.text()
    }

    /// Searches for the query as it is now, unless it was typed before (Backspace): the index's
    /// answer costs little whatever came before, so only the cards shown are kept.
    fn search(&mut self) {
        let q = self.query.text();
        while self
            .trail
            .last()
            .is_some_and(|(t, _)| !q.starts_with(t.as_str()))
        {
            self.trail.pop();
        }
        self.hits = match self.trail.last() {
            Some((t, hits)) if *t == q => hits.clone(),
            _ => {
                let hits = self.index.find(&q, MAX_HITS);
                self.trail.push((q, hits.clone()));
                hits
            }
        };
        self.hit = 0;
    }

    /// The cards were loaded again: index them anew (if the search was ever opened) and search
    /// again, closing a card that may be gone.
    pub fn reindex(&mut self, cat: &Catalogue, lib: &Library) {
        if self.index.is_empty() {
            return;
        }
        self.index = CardIndex::build(cat, lib);
        self.trail.clear();
        let hit = self.hit;
        self.search();
        self.hit = hit.min(self.hits.len().saturating_sub(1));
        self.open = None;
    }
}

impl Cards {
    /// Opens the search box with the last query and its results, the query selected so typing
    /// starts a new one.
    pub(super) fn open_search(&mut self, cx: &Ctx) {
        if self.finder.index.len() != self.catalogue.cards.len() {
            self.finder.index = CardIndex::build(&self.catalogue, cx.data.library());
            self.finder.trail.clear();
            self.search_again();
        }
        self.finder.query.select_all();
        self.view = View::Search;
    }

    fn search_again(&mut self) {
        self.finder.search();
    }

    pub(super) fn update_search(&mut self, action: Action, cx: &mut Ctx) {
        let last = self.finder.hits.len().saturating_sub(1);
        let page = usize::from(cx.size.1 / 2).max(1);
        let f = &mut self.finder;
        match action {
            Action::Back => self.view = View::Decks,
            Action::Up => f.hit = f.hit.saturating_sub(1),
            Action::Down => f.hit = (f.hit + 1).min(last),
            Action::PageUp => f.hit = f.hit.saturating_sub(page),
            Action::PageDown => f.hit = (f.hit + page).min(last),
            Action::Select => self.open_hit(cx),
            // The one-line box keeps Enter and Tab out of its text itself.
            Action::Edit(key) => {
                if f.query.key(key) {
                    self.search_again();
                }
            }
            Action::Paste(text) => {
                if f.query.paste(&text) {
                    self.search_again();
                }
            }
            other => cx.ignore(other),
        }
    }

    /// Opens the highlighted result with its review history, read from the journal now.
    fn open_hit(&mut self, cx: &Ctx) {
        let Some(&card) = self.finder.hits.get(self.finder.hit) else {
            return;
        };
        let Some(id) = self.catalogue.cards.get(card).map(|c| &c.id) else {
            return;
        };
        let history = match cx.data.reviews() {
            Some(store) => store.history(id).map_err(|e| e.to_string()),
            None => Err("your review history is not open".to_string()),
        };
        self.finder.open = Some(Opened {
            card,
            history,
            scroll: 0,
        });
        self.view = View::Browse;
    }

    pub(super) fn update_browse(&mut self, action: Action, cx: &mut Ctx) {
        let Some(open) = self.finder.open.as_mut() else {
            self.view = View::Search;
            return;
        };
        let page = usize::from(cx.size.1 / 2).max(1);
        match action {
            Action::Back => {
                self.finder.open = None;
                self.view = View::Search;
            }
            Action::Up | Action::ScrollUp => open.scroll = open.scroll.saturating_sub(1),
            Action::Down | Action::ScrollDown => open.scroll = open.scroll.saturating_add(1),
            Action::PageUp => open.scroll = open.scroll.saturating_sub(page),
            Action::PageDown => open.scroll = open.scroll.saturating_add(page),
            Action::Top => open.scroll = 0,
            other => cx.ignore(other),
        }
    }
}
