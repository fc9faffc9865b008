//! The Guides screen: read a role's guide, search everything, compare two roles, read a question's coaching.

mod compare;
mod found;
mod keys;
mod search_view;
mod update;
mod view;

use crate::domain::content::Library;
use crate::domain::content::search::Hit;
use crate::domain::plan::Focus;
use crate::kit::derived::Derived;
use crate::kit::keymap::{Group, Keymap, NAV};
use crate::kit::{Action, AppData, Ctx, Screen, Theme, Typing, ViewCtx};
use crate::widgets::field::{Lines, TextField};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::borrow::Cow;
use view::{Laid, Page};

/// What the Guides screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Guide,
    Search,
    Compare,
    /// A question's coaching notes, opened from search.
    Question(usize),
}

#[derive(Debug)]
pub struct Guides {
    pub view: View,
    /// Index of the role being read.
    pub role: usize,
    /// First visible line of the guide.
    pub scroll: usize,
    pub query: TextField,
    pub hits: Vec<Hit>,
    pub hit: usize,
    /// Roles in the comparison's left and right columns.
    pub compare: (usize, usize),
    pub compare_scroll: usize,
    pub question_scroll: usize,
    /// The guide block the last search hit opened, whose matched words are marked in it.
    pub found: Option<found::Found>,
    /// A glossary term or question to ask opened from the results, shown whole on the status line
    /// (they have no page of their own).
    said: Option<String>,
    /// What [`Guides::said`] put on the status line, until the search it answered moves on.
    shown: crate::kit::Said,
    theme: Theme,
    /// What the user is preparing for: search ranks their roles first.
    focus: Focus,
    /// The background and setting whose notes top each guide.
    coach: view::Coach,
    /// The page showing, laid out for a terminal width and theme, kept between frames: wrapping a
    /// guide or a comparison costs more than drawing it (see [`crate::kit::derived`]).
    kept: Derived<(Page, u16, Theme), Laid>,
}

impl Guides {
    pub fn new(lib: &Library, theme: Theme) -> Guides {
        let query = TextField::new(
            Lines::One,
            "type to search guides, questions and the glossary",
        );
        Guides {
            view: View::Guide,
            role: 0,
            scroll: 0,
            query,
            hits: Vec::new(),
            hit: 0,
            compare: default_pair(lib, 0),
            compare_scroll: 0,
            question_scroll: 0,
            found: None,
            said: None,
            shown: crate::kit::Said::default(),
            theme,
            focus: Focus::everything(),
            coach: (None, None),
            kept: Derived::default(),
        }
    }

    /// The profile changed: open on the first role in focus, rank search for it, and show the
    /// coaching notes for the user's background and setting.
    pub fn follow(&mut self, data: &AppData) {
        let lib = data.library();
        let focus = data.focus();
        if let Some(i) = focus.first_role_index(lib) {
            self.role = i;
            self.scroll = 0;
            self.compare = default_pair(lib, i);
        }
        let p = data.profile();
        self.coach = (p.background, p.setting);
        self.focus = focus.clone();
        if !self.query_text().trim().is_empty() {
            self.search_again(lib);
        }
    }

    /// The scrolled document the current view shows, if it shows one.
    pub fn page(&self, lib: &Library) -> Option<Page> {
        match self.view {
            View::Guide => Some(Page::Guide(
                self.role.min(lib.roles.len().saturating_sub(1)),
                self.coach,
            )),
            View::Compare => Some(Page::Compare(self.compare.0, self.compare.1)),
            View::Question(q) => Some(Page::Question(q)),
            View::Search => None,
        }
    }

    /// The page showing, laid out for terminal width `w` in theme `t`: the kept layout when it was
    /// made for these, otherwise laid out on the spot.
    pub fn laid_out(&self, lib: &Library, w: u16, t: &Theme) -> Option<Cow<'_, Laid>> {
        let page = self.page(lib)?;
        Some(match self.kept.get(&(page, w, *t)) {
            Some(laid) => Cow::Borrowed(laid),
            None => Cow::Owned(view::lay_out(lib, page, w, t)),
        })
    }

    /// The page showing laid out in this screen's theme, kept for the frames that follow.
    fn laid(&mut self, lib: &Library, w: u16) -> Option<&Laid> {
        let page = self.page(lib)?;
        let t = self.theme;
        Some(
            self.kept
                .refresh((page, w, t), || view::lay_out(lib, page, w, &t)),
        )
    }

    /// Lays out the page showing for terminal width `w` if it is not kept yet (after a resize).
    pub fn refresh_derived(&mut self, lib: &Library, w: u16) {
        self.laid(lib, w);
    }

    /// Lines in the page showing at terminal width `w`, for clamping its scroll offset.
    fn page_len(&mut self, lib: &Library, w: u16) -> usize {
        self.laid(lib, w).map_or(0, |l| l.doc.len())
    }

    fn groups(&self) -> Vec<Group> {
        match self.view {
            View::Guide => {
                let mut groups = vec![
                    Group {
                        title: "Guides",
                        bindings: keys::GUIDE_KEYS,
                    },
                    Group {
                        title: "Moving",
                        bindings: NAV,
                    },
                ];
                if self.found.is_some() {
                    groups.insert(
                        0,
                        Group {
                            title: "Search",
                            bindings: keys::BACK_TO_RESULTS,
                        },
                    );
                }
                groups
            }
            View::Search => vec![Group {
                title: "Search",
                bindings: keys::SEARCH_KEYS,
            }],
            View::Compare => vec![
                Group {
                    title: "Compare",
                    bindings: keys::COMPARE_KEYS,
                },
                Group {
                    title: "Moving",
                    bindings: NAV,
                },
            ],
            View::Question(_) => vec![
                Group {
                    title: "Question",
                    bindings: keys::QUESTION_KEYS,
                },
                Group {
                    title: "Moving",
                    bindings: NAV,
                },
            ],
        }
    }

    /// The query as typed.
    pub fn query_text(&self) -> String {
        self.query.text()
    }
}

impl Screen for Guides {
    fn keys(&self) -> Keymap {
        Keymap {
            groups: self.groups(),
            // Typing goes to the search box while it is open.
            typing: (self.view == View::Search).then_some(Typing::Search),
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        // A definition on the status line answers the search it came from: a user walk read one
        // through later searches. The next key of a search, or a new one, takes it back.
        if self.view == View::Search || action == Action::Search {
            self.shown.take_back(cx);
        }
        if let Some(a) = self.apply(action, cx.data.library(), cx.size) {
            cx.ignore(a);
        }
        if let Some(text) = self.said.take() {
            self.shown.say(cx, crate::kit::Status::info(text));
        }
    }

    fn refresh(&mut self, cx: &ViewCtx) {
        self.refresh_derived(cx.data.library(), cx.size.0);
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

/// The natural comparison for a role: aide with assistant of the same therapy, else the next role.
fn default_pair(lib: &Library, role: usize) -> (usize, usize) {
    let n = lib.roles.len();
    if n < 2 {
        return (0, 0);
    }
    let id = lib.roles[role.min(n - 1)].id.as_str();
    let partner = match id {
        "pt-aide" => "pta",
        "pta" => "pt-aide",
        "ot-aide" => "ota",
        "ota" => "ot-aide",
        _ => "",
    };
    let other = lib
        .roles
        .iter()
        .position(|r| r.id.as_str() == partner)
        .unwrap_or((role + 1) % n);
    let (a, b) = (role.min(n - 1), other);
    if id.ends_with("aide") || partner.is_empty() {
        (a, b)
    } else {
        (b, a)
    }
}

#[cfg(test)]
mod tests;
