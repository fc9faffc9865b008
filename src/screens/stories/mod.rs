//! The Stories screen: the list of STAR stories, the editor, and coverage of competencies.

mod coaching;
mod editing;
pub mod editor;
mod editor_keys;
mod flags;
mod keys;
mod listing;
pub mod picker;
mod plan_step;
mod shown;
mod view;

pub use editor::{Editor, Field};

use crate::domain::content::Library;
use crate::domain::stories::{Coach, Deleted, Gap, Order, StoryId};
use crate::kit::derived::Derived;
use crate::kit::keymap::Keymap;
use crate::kit::{Action, Ctx, Level, Screen, Status, Theme, ViewCtx};
use crate::widgets::field::{Lines, TextField};
use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::fmt;

/// What the Stories screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Edit,
    Coverage,
}

/// The Stories screen's state. The stories themselves are shared data (`AppData::stories`); unsaved
/// text only ever lives in the open editor.
pub struct Stories {
    pub view: View,
    pub order: Order,
    /// Position in the filtered list.
    pub selected: usize,
    pub filter: TextField,
    /// True while typing in the filter box.
    pub filtering: bool,
    pub editor: Option<Editor>,
    /// Deleted stories, most recent last, for `u`.
    pub deleted: Vec<Deleted>,
    pub coverage_scroll: usize,
    /// The gap chosen in the coverage view, for Enter to write a story for; none until ↓.
    pub coverage_pick: Option<usize>,
    pub coach: Coach,
    theme: Theme,
    /// Every story's id in list order, and the coverage view laid out, kept between frames.
    kept_order: Derived<listing::Base, Vec<StoryId>>,
    kept_coverage: Derived<listing::CoverageKey, view::CoverageDoc>,
    /// The stories' words for the filter, numbered in list order, kept once the filter is used.
    kept_index: Derived<listing::Base, crate::domain::stories::StoryIndex>,
    /// The filter's matches for the queries typed, as positions in the list order.
    picks: shown::Picks,
    /// The coaching of the story selected in the list, for the preview beside it.
    kept_preview: Derived<(StoryId, u64), crate::domain::stories::Analysis>,
    /// How many stories the list shows, as of the last refresh: with none, Enter and `d` leave
    /// the footer.
    listed: usize,
}

impl fmt::Debug for Stories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stories")
            .field("view", &self.view)
            .field("editor", &self.editor)
            .finish_non_exhaustive()
    }
}

impl Stories {
    /// The screen over the stories in `AppData`, with coaching from the library's glossary.
    pub fn new(lib: &Library, theme: Theme) -> Stories {
        let mut filter = TextField::new(Lines::One, "words from a story, or a tag");
        filter.area_mut().set_placeholder_style(theme.muted);
        Stories {
            view: View::List,
            order: Order::Updated,
            selected: 0,
            filter,
            filtering: false,
            editor: None,
            deleted: Vec::new(),
            coverage_scroll: 0,
            coverage_pick: None,
            coach: Coach::from_library(lib),
            theme,
            kept_order: Derived::default(),
            kept_coverage: Derived::default(),
            kept_index: Derived::default(),
            picks: shown::Picks::default(),
            kept_preview: Derived::default(),
            listed: 0,
        }
    }

    /// Sets the speaking pace the coaching times stories with (from the config file).
    pub fn set_pace(&mut self, words_per_minute: u32) {
        self.coach.guidance.words_per_minute = words_per_minute;
    }

    /// The filter as typed.
    pub fn filter_text(&self) -> String {
        self.filter.text()
    }

    fn update_list(&mut self, action: Action, cx: &mut Ctx) {
        let n = self.visible_len(cx.data);
        match action {
            Action::Up | Action::ScrollUp => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.selected += 1,
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected += 10,
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::New => self.start_new(cx),
            Action::Select => {
                if let Some(story) = self.selected_story(cx.data).cloned() {
                    let lib = cx.data.library();
                    let ed = Editor::open(story, lib, &self.coach, &self.theme);
                    self.editor = Some(ed.offer_for(cx.data.focus(), lib));
                    self.view = View::Edit;
                } else {
                    *cx.status = info("There is no story to edit yet: press n to write one.");
                }
            }
            Action::Delete => self.delete(cx),
            Action::UndoDelete => self.undo_delete(cx),
            Action::Search => self.filtering = true,
            Action::Back => self.filter.clear(),
            Action::Sort => {
                self.order = match self.order {
                    Order::Updated => Order::Title,
                    Order::Title => Order::Updated,
                };
                self.selected = 0;
            }
            Action::Coverage => {
                self.coverage_scroll = 0;
                self.coverage_pick = None;
                self.view = View::Coverage;
            }
            other => cx.ignore(other),
        }
    }

    fn update_filter(&mut self, action: Action, cx: &mut Ctx) {
        match action {
            Action::Select => self.filtering = false,
            Action::Back => {
                self.filtering = false;
                self.filter.clear();
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected += 1,
            // A changed filter starts again from the top of the shorter list.
            Action::Edit(key) => {
                if self.filter.key(key) {
                    self.selected = 0;
                }
            }
            Action::Paste(text) => {
                self.filter.paste(&text);
                self.selected = 0;
            }
            other => cx.ignore(other),
        }
    }

    fn update_coverage(&mut self, action: Action, cx: &mut Ctx) {
        // Rows of the view: the terminal less the tab bar, status line, footer and the view's borders.
        let page = usize::from(cx.size.1.saturating_sub(5)).max(1);
        let width = listing::coverage_width(cx.size.0);
        let doc = self.coverage_doc(cx.data, &self.theme, width);
        let (gaps, heard_in) = (doc.gaps.clone(), doc.heard_in.clone());
        let n = gaps.len();
        let s = &mut self.coverage_scroll;
        let moved = matches!(
            action,
            Action::Up | Action::Down | Action::ScrollUp | Action::ScrollDown
        );
        match action {
            Action::Back => self.view = View::List,
            // ↓ and ↑ choose among the gaps once there are any; before the first and after the
            // last they scroll.
            Action::Down | Action::ScrollDown => match self.coverage_pick {
                Some(i) if i + 1 < n => self.coverage_pick = Some(i + 1),
                None if n > 0 => self.coverage_pick = Some(0),
                _ => *s += 1,
            },
            Action::Up | Action::ScrollUp => match self.coverage_pick {
                Some(0) => {
                    self.coverage_pick = None;
                    *s = 0;
                }
                Some(i) => self.coverage_pick = Some(i - 1),
                None => *s = s.saturating_sub(1),
            },
            Action::PageUp => *s = s.saturating_sub(page),
            Action::PageDown => *s += page,
            Action::Select => match self.coverage_pick.and_then(|i| gaps.get(i)) {
                Some((Gap::Competency(skill), _))
                    if let Some((_, story)) = heard_in.iter().find(|(h, _)| h == skill) =>
                {
                    let (story, skill) = (story.clone(), skill.clone());
                    self.open_to_tag(&story, &skill, cx);
                    return;
                }
                Some((gap, _)) => {
                    let gap = gap.clone();
                    self.start_new_for(&gap, cx);
                    return;
                }
                None => {
                    *cx.status =
                        info("Press ↓ to choose a gap first, then Enter to write a story for it.");
                }
            },
            other => cx.ignore(other),
        }
        // Keep the chosen gap in sight.
        if moved && let Some((_, lines)) = self.coverage_pick.and_then(|i| gaps.get(i)) {
            let s = &mut self.coverage_scroll;
            if lines.start < *s {
                *s = lines.start;
            } else if lines.end > *s + page {
                *s = lines.end.saturating_sub(page);
            }
        }
        let max = self.coverage_len(cx.data, cx.size.0).saturating_sub(page);
        self.coverage_scroll = self.coverage_scroll.min(max);
    }

    fn delete(&mut self, cx: &mut Ctx) {
        let Some(id) = self.selected_story(cx.data).map(|s| s.id.clone()) else {
            *cx.status = info("There is no story to delete.");
            return;
        };
        let now = cx.now;
        let Some(mut w) = cx.writer() else {
            return;
        };
        let Some(deleted) = w.stories().map(|store| store.delete(&id, now)) else {
            return;
        };
        match deleted {
            Ok(d) => {
                let title = display_title(&d.story().title);
                // The undo key first: a long path would push it off the status line.
                let text = match d.trash_path() {
                    Some(p) => format!(
                        "Deleted “{title}”: press u to undo. The file is in {}",
                        p.display()
                    ),
                    None => format!("Deleted “{title}”: press u to undo."),
                };
                *cx.status = info(&text);
                self.deleted.push(d);
            }
            Err(e) => *cx.status = error(&format!("{e}. {}.", e.hint())),
        }
    }

    fn undo_delete(&mut self, cx: &mut Ctx) {
        let Some(d) = self.deleted.pop() else {
            *cx.status = info("Nothing to undo.");
            return;
        };
        let Some(mut w) = cx.writer() else {
            self.deleted.push(d);
            return;
        };
        let Some(undone) = w.stories().map(|store| store.undo_delete(&d)) else {
            return;
        };
        match undone {
            Ok(()) => {
                let id = d.story().id.clone();
                *cx.status = info(&format!(
                    "Brought back “{}”.",
                    display_title(&d.story().title)
                ));
                self.refresh_derived(cx.data, cx.theme, cx.size);
                if let Some(i) = self.position_of(cx.data, &id) {
                    self.selected = i;
                }
            }
            Err(e) => {
                *cx.status = error(&format!("{e}. The story stays in the trash folder."));
                self.deleted.push(d);
            }
        }
    }
}

impl Screen for Stories {
    fn keys(&self) -> Keymap {
        Keymap {
            groups: self.groups(),
            typing: self.typing(),
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        match self.view {
            View::List if self.filtering => self.update_filter(action, cx),
            View::List => self.update_list(action, cx),
            View::Coverage => self.update_coverage(action, cx),
            View::Edit => self.update_editor(action, cx),
        }
        self.refresh_derived(cx.data, cx.theme, cx.size);
        // Only the list has a selection to keep in range (and only its order is kept up to date).
        if self.view == View::List {
            self.selected = self
                .selected
                .min(self.visible_len(cx.data).saturating_sub(1));
        }
    }

    /// Autosave, whichever screen shows: writes the open story once its changes are due.
    fn tick(&mut self, cx: &mut Ctx, _shown: bool) -> bool {
        self.autosave(cx)
    }

    fn next_deadline(&self) -> Option<DateTime<Utc>> {
        self.autosave_due()
    }

    fn refresh(&mut self, cx: &ViewCtx) {
        if let Some(ed) = &mut self.editor {
            ed.refocus(cx.data.focus(), cx.data.library());
        }
        self.refresh_derived(cx.data, cx.theme, cx.size);
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

/// A title for messages: untitled stories get a name rather than empty quotes.
pub fn display_title(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled story"
    } else {
        title
    }
}

fn info(text: &str) -> Option<Status> {
    Some(Status::info(text))
}

fn error(text: &str) -> Option<Status> {
    Some(Status::new(
        Level::Error,
        crate::storage::sanitize::clean_line(text),
    ))
}
