//! How the Guides screen answers an action: moving through a guide, searching, comparing roles.

use super::view::{self, Page};
use super::{Guides, View, compare, default_pair};
use crate::domain::content::Library;
use crate::domain::content::search::{self, Target};
use crate::kit::Action;
use crossterm::event::KeyCode;

/// Most search results kept; more than a screenful is plenty while typing.
const MAX_HITS: usize = 200;

impl Guides {
    /// Applies `action`; returns it back if this view has no use for it.
    pub(super) fn apply(
        &mut self,
        action: Action,
        lib: &Library,
        size: (u16, u16),
    ) -> Option<Action> {
        let page = view::page_height(size.1);
        let ignored = match self.view {
            View::Guide => self.update_guide(action, lib, size, page),
            View::Search => self.update_search(action, lib, size, page),
            View::Compare => {
                let n = lib.roles.len().max(1);
                match action {
                    Action::Left => {
                        self.compare.0 = compare::next_role(self.compare.0, self.compare.1, n)
                    }
                    Action::Right => {
                        self.compare.1 = compare::next_role(self.compare.1, self.compare.0, n)
                    }
                    Action::Back => self.view = View::Guide,
                    other => return self.scroll_compare(other, lib, size.0, page),
                }
                None
            }
            View::Question(_) => match action {
                Action::Back => {
                    self.view = View::Search;
                    None
                }
                other => {
                    let ignored = scroll(&mut self.question_scroll, other, page);
                    let max = self.page_len(lib, size.0).saturating_sub(page);
                    self.question_scroll = self.question_scroll.min(max);
                    ignored
                }
            },
        };
        // Search may have opened a page: lay it out now rather than in the next frame.
        self.laid(lib, size.0);
        ignored
    }

    fn scroll_compare(
        &mut self,
        action: Action,
        lib: &Library,
        width: u16,
        page: usize,
    ) -> Option<Action> {
        let ignored = scroll(&mut self.compare_scroll, action, page);
        let max = self.page_len(lib, width).saturating_sub(page);
        self.compare_scroll = self.compare_scroll.min(max);
        ignored
    }

    fn update_guide(
        &mut self,
        action: Action,
        lib: &Library,
        size: (u16, u16),
        page: usize,
    ) -> Option<Action> {
        let n = lib.roles.len();
        if n == 0 {
            return Some(action);
        }
        let mut ignored = None;
        match action {
            Action::Left => self.set_role((self.role + n - 1) % n),
            Action::Right => self.set_role((self.role + 1) % n),
            Action::Search => {
                self.query.select_all();
                self.view = View::Search;
            }
            Action::Compare => {
                self.compare = default_pair(lib, self.role);
                self.compare_scroll = 0;
                self.view = View::Compare;
            }
            Action::PrevSection | Action::NextSection => {
                let starts = self
                    .laid(lib, size.0)
                    .map_or_else(Vec::new, |l| l.sections.clone());
                self.scroll = if action == Action::NextSection {
                    starts
                        .iter()
                        .copied()
                        .find(|s| *s > self.scroll)
                        .unwrap_or(self.scroll)
                } else {
                    starts
                        .iter()
                        .rev()
                        .copied()
                        .find(|s| *s < self.scroll)
                        .unwrap_or(0)
                };
            }
            other => ignored = scroll(&mut self.scroll, other, page),
        }
        let len = if self.view == View::Guide {
            self.page_len(lib, size.0)
        } else {
            // Search or compare just opened: the guide keeps its place for coming back.
            view::lay_out(lib, Page::Guide(self.role, self.coach), size.0, &self.theme)
                .doc
                .len()
        };
        self.scroll = self.scroll.min(len.saturating_sub(page));
        ignored
    }

    fn update_search(
        &mut self,
        action: Action,
        lib: &Library,
        size: (u16, u16),
        page: usize,
    ) -> Option<Action> {
        match action {
            Action::Back => {
                self.view = View::Guide;
                self.found = None;
            }
            Action::Up => self.hit = self.hit.saturating_sub(1),
            Action::Down => self.hit = (self.hit + 1).min(self.hits.len().saturating_sub(1)),
            Action::PageUp => self.hit = self.hit.saturating_sub(page),
            Action::PageDown => self.hit = (self.hit + page).min(self.hits.len().saturating_sub(1)),
            Action::Select => {
                if let Some(hit) = self.hits.get(self.hit) {
                    let found = super::found::Found::of(hit);
                    self.jump(hit.target, lib, size);
                    self.found = found;
                }
            }
            // Enter and Tab would add lines or tabs to a one-line box; Enter is bound above, Tab ignored.
            Action::Edit(key) => {
                if !matches!(key.code, KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab) {
                    self.query.key(key);
                    self.search_again(lib);
                }
            }
            Action::Paste(text) => {
                self.query.paste(&text);
                self.search_again(lib);
            }
            other => return Some(other),
        }
        None
    }

    pub(super) fn search_again(&mut self, lib: &Library) {
        let hits = search::search(lib, &self.query_text(), MAX_HITS);
        self.hits = self.focus.rank_hits(lib, hits);
        self.hit = 0;
    }

    /// Shows `role`'s guide from its top.
    fn set_role(&mut self, role: usize) {
        self.role = role;
        self.scroll = 0;
        self.found = None;
    }

    /// Opens the place a search hit points at.
    fn jump(&mut self, target: Target, lib: &Library, size: (u16, u16)) {
        let width = view::doc_width(size.0);
        match target {
            Target::Section { role, .. } | Target::Figure { role, .. } => {
                self.role = role;
                self.scroll = view::anchor_line(lib, target, self.coach, width);
                self.view = View::Guide;
            }
            Target::Question(q) => {
                self.question_scroll = 0;
                self.view = View::Question(q);
            }
            // Asks and terms have no page: Enter keeps the list and says the whole entry.
            Target::Ask(i) => {
                self.said = lib.asks.get(i).map(|a| {
                    format!(
                        "Question to ask: {} Why: {} (Star it on Home to put it on your sheet.)",
                        a.text, a.why
                    )
                });
            }
            Target::Term(i) => {
                self.said = lib
                    .terms
                    .get(i)
                    .map(|t| format!("{}: {}", t.term, t.meaning));
            }
        }
    }
}

/// Applies a scrolling action to an offset; returns any other action back.
fn scroll(offset: &mut usize, action: Action, page: usize) -> Option<Action> {
    match action {
        Action::Up | Action::ScrollUp => *offset = offset.saturating_sub(1),
        Action::Down | Action::ScrollDown => *offset += 1,
        Action::PageUp => *offset = offset.saturating_sub(page),
        Action::PageDown => *offset += page,
        Action::Top => *offset = 0,
        Action::Bottom => *offset = usize::MAX / 2,
        other => return Some(other),
    }
    None
}
