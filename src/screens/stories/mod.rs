//! The Stories screen: the list of STAR stories, the editor, and coverage of competencies.

mod editing;
pub mod editor;
mod keys;
mod listing;
pub mod picker;
mod saving;
pub mod view;

/// Writes a story titled `title` with `tag` through the editor, a minute after the last one, and
/// goes back to the list: how the tests elsewhere get stories made the way a user makes them.
#[cfg(test)]
pub(crate) fn write_by_keys(app: &mut crate::app::App, title: &str, tag: &str) {
    use crate::app::Action;
    app.now += chrono::Duration::minutes(1);
    app.update(Action::New);
    app.update(Action::Paste(title.into()));
    // Title, Situation, Task, Action, Result, then Tags.
    for _ in 0..5 {
        app.update(Action::NextField);
    }
    app.update(Action::Paste(tag.into()));
    app.update(Action::Back);
}

pub use editor::{Coach, Editor, Field, SaveError};

use crate::app::keymap::Group;
use crate::app::{Action, Level, Status, Theme};
use crate::domain::content::Library;
use crate::domain::stories::{BadStory, Deleted, Glossary, Order, StoryId, StoryStore};
use crate::kit::derived::{Derived, Tracked};
use crate::storage::paths::Paths;
use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;
use ratatui::style::Style;
use ratatui_textarea::TextArea;
use std::fmt;
use std::path::{Path, PathBuf};

/// What the Stories screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Edit,
    Coverage,
}

/// What `update` needs from the rest of the app.
pub struct Ctx<'a> {
    pub lib: &'a Library,
    pub now: DateTime<Utc>,
    /// Terminal size, for page-sized moves.
    pub size: (u16, u16),
    pub status: &'a mut Option<Status>,
}

/// The Stories screen's state. Unsaved text only ever lives in the open editor.
pub struct Stories {
    data_dir: PathBuf,
    /// `None` when the stories folder could not be read; `load_error` says why. Tracked, so the list
    /// and coverage kept for drawing know when the stories changed (see `listing.rs`).
    store: Tracked<Option<StoryStore>>,
    pub load_error: Option<String>,
    /// Story files that could not be read; they are listed and never written to.
    pub bad: Vec<BadStory>,
    pub view: View,
    pub order: Order,
    /// Position in the filtered list.
    pub selected: usize,
    pub filter: TextArea<'static>,
    /// True while typing in the filter box.
    pub filtering: bool,
    pub editor: Option<Editor>,
    /// Deleted stories, most recent last, for `u`.
    pub deleted: Vec<Deleted>,
    pub coverage_scroll: usize,
    pub coach: Coach,
    theme: Theme,
    /// The list as shown (ids in order) and the coverage view laid out, kept between frames.
    kept_list: Derived<listing::ListKey, Vec<StoryId>>,
    kept_coverage: Derived<listing::CoverageKey, crate::widgets::doc::Doc>,
    /// Every story in list order with its text folded for the filter, kept once the filter is used.
    kept_search: Derived<(u64, Order), Vec<(StoryId, crate::domain::stories::SearchText)>>,
}

impl fmt::Debug for Stories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stories")
            .field("stories", &self.store().map(StoryStore::len))
            .field("load_error", &self.load_error)
            .field("bad", &self.bad)
            .field("view", &self.view)
            .field("editor", &self.editor)
            .finish_non_exhaustive()
    }
}

impl Stories {
    /// Loads the stories under `paths`. Never fails: a folder that cannot be read is reported on screen.
    pub fn load(paths: &Paths, lib: &Library, theme: Theme) -> Stories {
        let (store, bad, load_error) = open_store(&paths.data_dir);
        let mut filter = TextArea::default();
        filter.set_cursor_line_style(Style::new());
        filter.set_placeholder_text("words from a story, or a tag");
        filter.set_placeholder_style(theme.muted);
        Stories {
            data_dir: paths.data_dir.clone(),
            store: Tracked::new(store),
            load_error,
            bad,
            view: View::List,
            order: Order::Updated,
            selected: 0,
            filter,
            filtering: false,
            editor: None,
            deleted: Vec::new(),
            coverage_scroll: 0,
            coach: Coach {
                glossary: Glossary::new(&lib.terms),
                guidance: Default::default(),
            },
            theme,
            kept_list: Derived::default(),
            kept_coverage: Derived::default(),
            kept_search: Derived::default(),
        }
    }

    /// The stories, or `None` when their folder could not be read.
    pub fn store(&self) -> Option<&StoryStore> {
        self.store.get().as_ref()
    }

    /// A count that moves whenever the stories may have changed, for what is derived from them.
    pub fn changes(&self) -> u64 {
        self.store.changes()
    }

    /// Typing goes to a field while the editor or the filter box is open.
    pub fn editing(&self) -> bool {
        self.view == View::Edit || (self.view == View::List && self.filtering)
    }

    pub fn keymap(&self) -> Vec<Group> {
        let g = |title, bindings| Group { title, bindings };
        match self.view {
            View::List if self.filtering => vec![g("Filter", keys::FILTER)],
            View::List => vec![g("Stories", keys::LIST), g("Moving", keys::LIST_NAV)],
            View::Coverage => vec![g("Coverage", keys::COVERAGE)],
            View::Edit => {
                let field = self.editor.as_ref().map_or(Field::Title, |e| e.field);
                let mut groups = match field {
                    Field::Title => vec![g("Title", keys::TITLE)],
                    Field::Tags => vec![g("Tags", keys::TAGS)],
                    Field::Questions => vec![g("Linked questions", keys::QUESTIONS)],
                    Field::Section(_) => vec![],
                };
                groups.push(g("Editor", keys::EDITOR));
                groups.push(g("In a text field", keys::TYPING));
                groups
            }
        }
    }

    /// The filter as typed.
    pub fn filter_text(&self) -> String {
        self.filter.lines().join(" ")
    }

    pub fn update(&mut self, action: Action, cx: &mut Ctx) {
        match self.view {
            View::List if self.filtering => self.update_filter(action),
            View::List => self.update_list(action, cx),
            View::Coverage => self.update_coverage(action, cx),
            View::Edit => self.update_editor(action, cx),
        }
        self.refresh_derived(cx.lib, cx.size);
        self.selected = self.selected.min(self.visible_len().saturating_sub(1));
    }

    fn update_list(&mut self, action: Action, cx: &mut Ctx) {
        let n = self.visible_len();
        match action {
            Action::Up | Action::ScrollUp => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::ScrollDown => self.selected += 1,
            Action::PageUp => self.selected = self.selected.saturating_sub(10),
            Action::PageDown => self.selected += 10,
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = n.saturating_sub(1),
            Action::New => self.start_new(cx),
            Action::Select => {
                if let Some(story) = self.selected_story().cloned() {
                    self.editor = Some(Editor::open(story, cx.lib, &self.coach, &self.theme));
                    self.view = View::Edit;
                } else {
                    *cx.status = info("There is no story to edit yet: press n to write one.");
                }
            }
            Action::Delete => self.delete(cx),
            Action::Undo => self.undo_delete(cx),
            Action::Search => self.filtering = true,
            Action::Back => {
                self.filter = fresh_filter(&self.filter);
            }
            Action::Sort => {
                self.order = match self.order {
                    Order::Updated => Order::Title,
                    Order::Title => Order::Updated,
                };
                self.selected = 0;
            }
            Action::Coverage => {
                self.coverage_scroll = 0;
                self.view = View::Coverage;
            }
            _ => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        match action {
            Action::Select => self.filtering = false,
            Action::Back => {
                self.filtering = false;
                self.filter = fresh_filter(&self.filter);
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected += 1,
            Action::Edit(key) if !matches!(key.code, KeyCode::Enter | KeyCode::Tab) => {
                self.type_filter(key)
            }
            Action::Paste(text) => {
                self.filter
                    .insert_str(crate::storage::sanitize::clean_line(&text));
                self.selected = 0;
            }
            _ => {}
        }
    }

    /// Types into the filter box; a changed filter starts again from the top of the shorter list.
    fn type_filter(&mut self, key: crossterm::event::KeyEvent) {
        if self.filter.input(key) {
            self.selected = 0;
        }
    }

    fn update_coverage(&mut self, action: Action, cx: &mut Ctx) {
        // Rows of the view: the terminal less the tab bar, status line, footer and the view's borders.
        let page = usize::from(cx.size.1.saturating_sub(5)).max(1);
        let s = &mut self.coverage_scroll;
        match action {
            Action::Back => self.view = View::List,
            Action::Up | Action::ScrollUp => *s = s.saturating_sub(1),
            Action::Down | Action::ScrollDown => *s += 1,
            Action::PageUp => *s = s.saturating_sub(page),
            Action::PageDown => *s += page,
            _ => {}
        }
        let max = self.coverage_len(cx.lib, cx.size.0).saturating_sub(page);
        self.coverage_scroll = self.coverage_scroll.min(max);
    }

    fn delete(&mut self, cx: &mut Ctx) {
        let Some(id) = self.selected_story().map(|s| s.id.clone()) else {
            *cx.status = info("There is no story to delete.");
            return;
        };
        let Some(store) = self.store.get_mut().as_mut() else {
            return;
        };
        match store.delete(&id, cx.now) {
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
        let Some(store) = self.store.get_mut().as_mut() else {
            return;
        };
        match store.undo_delete(&d) {
            Ok(()) => {
                let id = d.story().id.clone();
                *cx.status = info(&format!(
                    "Brought back “{}”.",
                    display_title(&d.story().title)
                ));
                if let Some(i) = self.position_of(&id) {
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

/// Loads the stories under `data_dir`: the store, the files that failed, or why the folder failed.
fn open_store(data_dir: &Path) -> (Option<StoryStore>, Vec<BadStory>, Option<String>) {
    match StoryStore::load(data_dir) {
        Ok((store, bad)) => (Some(store), bad, None),
        Err(e) => (
            None,
            Vec::new(),
            Some(crate::storage::sanitize::clean_line(&e.to_string())),
        ),
    }
}

/// An empty filter box with the same look as `old`.
fn fresh_filter(old: &TextArea<'static>) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_cursor_line_style(old.cursor_line_style());
    t.set_placeholder_text(old.placeholder_text().to_string());
    if let Some(s) = old.placeholder_style() {
        t.set_placeholder_style(s);
    }
    t
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
    Some(Status {
        level: Level::Info,
        text: text.to_string(),
    })
}

fn error(text: &str) -> Option<Status> {
    Some(Status {
        level: Level::Error,
        text: crate::storage::sanitize::clean_line(text),
    })
}
