//! The Sheet screen: a preview of the one-page interview sheet as it will print, the stories on it
//! (pin or drop each), the 30-second introduction's editor with its coaching, and keys to write the
//! sheet and open it in a browser. Everything on the sheet is decided by `domain::sheet`; this screen
//! only shows it and passes on the user's choices.

mod intro;
mod keys;
mod view;

#[cfg(test)]
mod tests;

use crate::domain::content::Id;
use crate::domain::sheet::output::{self, Format};
use crate::domain::sheet::{self, Inputs, NotChosen, Sheet, StoryMark, Why};
use crate::domain::stories::Coach;
use crate::domain::stories::{Order, Story, StoryId};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, Ctx, Screen, Status, Typing, ViewCtx};
use crate::widgets::field::{Lines, TextField};
use chrono::{DateTime, TimeDelta, Utc};
pub use intro::IntroEditor;
use intro::save_intro;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

/// How long after the last change to the introduction it is saved by itself.
pub const AUTOSAVE_DELAY: TimeDelta = TimeDelta::milliseconds(750);
/// How long to wait before trying again after a save failed.
const RETRY_DELAY: TimeDelta = TimeDelta::seconds(5);

/// Where a story stands with the sheet, as the list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowState {
    Pinned,
    OnSheet,
    /// Chosen, then left out so the page fits.
    NoRoom,
    NotChosen(Why),
}

impl RowState {
    /// A short word for the list, the same width for every state.
    pub fn label(self) -> &'static str {
        match self {
            RowState::Pinned => "pinned",
            RowState::OnSheet => "on sheet",
            RowState::NoRoom => "no room",
            RowState::NotChosen(Why::Dropped) => "dropped",
            RowState::NotChosen(Why::NotAmongBest) => "not picked",
            RowState::NotChosen(Why::Empty) => "empty",
        }
    }
}

/// One story in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: StoryId,
    pub title: String,
    pub state: RowState,
}

#[derive(Debug)]
pub struct SheetScreen {
    /// The selected story in the list.
    pub sel: usize,
    /// How far the preview is scrolled, in lines.
    pub scroll: usize,
    pub intro: Option<IntroEditor>,
    /// Where the sheet was last written this session.
    pub written: Option<PathBuf>,
    /// Set by the real session only: whether `o` may start the browser.
    pub can_open: bool,
    /// Speaking pace for the introduction's coaching.
    pub words_per_minute: u32,
    /// The story coach, for filler words in the introduction; made when the introduction opens.
    coach: Option<Coach>,
}

impl SheetScreen {
    pub fn new() -> SheetScreen {
        SheetScreen {
            sel: 0,
            scroll: 0,
            intro: None,
            written: None,
            can_open: false,
            words_per_minute: 140,
            coach: None,
        }
    }

    pub fn set_pace(&mut self, words_per_minute: u32) {
        self.words_per_minute = words_per_minute;
    }

    fn update_preview(&mut self, action: Action, cx: &mut Ctx) {
        let rows = rows(&cx.view());
        let selected = rows.get(self.sel).map(|r| r.id.clone());
        let page = usize::from(cx.size.1.saturating_sub(8)).max(1);
        match action {
            Action::Up | Action::ScrollUp => self.sel = self.sel.saturating_sub(1),
            Action::Down | Action::ScrollDown => {
                self.sel = (self.sel + 1).min(rows.len().saturating_sub(1))
            }
            Action::PageDown => self.scroll = self.scroll.saturating_add(page),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Action::Top => self.scroll = 0,
            // The view clamps it to the last page.
            Action::Bottom => self.scroll = usize::MAX / 2,
            Action::PinToSheet | Action::DropFromSheet => {
                let Some(id) = selected else {
                    return cx.say(Status::info(
                        "No stories yet: write some on the Stories screen, then pin them here.",
                    ));
                };
                let Some(mut w) = cx.writer() else { return };
                let pin = action == Action::PinToSheet;
                let saved = if pin {
                    w.toggle_sheet_pin(&id)
                } else {
                    w.toggle_sheet_drop(&id)
                };
                match saved {
                    Err(text) => cx.say(Status::error(text)),
                    Ok(()) => {
                        let title = rows
                            .iter()
                            .find(|r| r.id == id)
                            .map_or(String::new(), |r| r.title.clone());
                        let text = match cx.data.sheet_choices().mark(&id) {
                            StoryMark::Pinned => {
                                format!("Pinned “{title}”: it stays on the sheet.")
                            }
                            StoryMark::Dropped => format!("“{title}” is left off the sheet."),
                            StoryMark::Auto => {
                                format!("“{title}” is chosen by coverage again.")
                            }
                        };
                        cx.say(Status::info(text));
                        // Keep the same story selected where it moved to.
                        if let Some(i) = self::rows(&cx.view()).iter().position(|r| r.id == id) {
                            self.sel = i;
                        }
                    }
                }
            }
            Action::EditIntro => {
                if !cx.data.can_write() {
                    return;
                }
                let text = cx.data.sheet_choices().intro.clone();
                let mut field = TextField::with_text(
                    Lines::Many,
                    "I'm a … at …  For … years I have …  I want this job because …",
                    &text,
                );
                field
                    .area_mut()
                    .set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
                field.area_mut().set_placeholder_style(cx.theme.muted);
                field.area_mut().set_max_histories(1000);
                let coach = self
                    .coach
                    .get_or_insert_with(|| Coach::from_library(cx.data.library()));
                let fillers = coach.scan(&text, None).fillers;
                self.intro = Some(IntroEditor {
                    field,
                    due: None,
                    fillers,
                    said: crate::kit::Said::default(),
                });
            }
            Action::WriteSheet | Action::WriteSheetMarkdown | Action::OpenSheet => {
                let format = if action == Action::WriteSheetMarkdown {
                    Format::Markdown
                } else {
                    Format::Html
                };
                let built = build(&cx.view());
                let text = format.render(&built);
                let Some(mut w) = cx.writer() else { return };
                match w.write_sheet(format, &text) {
                    Err(text) => cx.say(Status::error(text)),
                    Ok(path) => {
                        let msg = if action == Action::OpenSheet {
                            if self.can_open {
                                output::open_in_browser(&path).message(&path)
                            } else {
                                output::Opened::NoOpener.message(&path)
                            }
                        } else if format == Format::Html {
                            format!(
                                "Wrote {}. Press o to open it in your browser and print it.",
                                path.display()
                            )
                        } else {
                            format!("Wrote {}.", path.display())
                        };
                        self.written = Some(path);
                        cx.say(Status::info(msg));
                    }
                }
            }
            other => cx.ignore(other),
        }
    }
}

impl Screen for SheetScreen {
    fn keys(&self) -> Keymap {
        let group = |title, bindings| vec![Group { title, bindings }];
        if let Some(ed) = &self.intro {
            let mut groups = group("Your introduction", keys::INTRO_KEYS);
            let text = ed.field.text();
            if text.trim().is_empty() {
                groups.push(Group {
                    title: "An empty introduction",
                    bindings: keys::STARTER_KEYS,
                });
            } else {
                if !crate::widgets::field::blanks(&text).is_empty() {
                    groups.push(Group {
                        title: "Blanks to fill in",
                        bindings: keys::BLANK_KEYS,
                    });
                }
                groups.push(Group {
                    title: "The starter",
                    bindings: keys::STARTER_LATER_KEYS,
                });
            }
            Keymap {
                groups,
                typing: Some(Typing::Saved),
            }
        } else {
            Keymap::of(group("One-page sheet", keys::KEYS))
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        if self.intro.is_some() {
            self.update_intro(action, cx);
        } else {
            self.update_preview(action, cx);
        }
    }

    fn tick(&mut self, cx: &mut Ctx, _shown: bool) -> bool {
        let due = self.intro.as_ref().and_then(|e| e.due);
        if due.is_some_and(|d| d <= cx.now) {
            save_intro(&mut self.intro, cx, false);
            return true;
        }
        false
    }

    fn next_deadline(&self) -> Option<DateTime<Utc>> {
        self.intro.as_ref().and_then(|e| e.due)
    }

    fn refresh(&mut self, cx: &ViewCtx) {
        let n = rows(cx).len();
        self.sel = self.sel.min(n.saturating_sub(1));
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

impl Default for SheetScreen {
    fn default() -> Self {
        SheetScreen::new()
    }
}

/// The sheet from the shared data, decided as `export sheet` decides it.
pub fn build(cx: &ViewCtx) -> Sheet {
    let data = cx.data;
    let stories: Vec<&Story> = data
        .stories()
        .map(|s| s.list(Order::Title))
        .unwrap_or_default();
    let starred: Vec<Id> = data.favourites().ids().cloned().collect();
    sheet::build(&Inputs {
        profile: data.profile(),
        interview_date: data.interview(),
        certifications: data.certifications(),
        lib: data.library(),
        stories: &stories,
        starred: &starred,
        choices: data.sheet_choices(),
    })
}

/// Every story, as the list shows it: those on the sheet in sheet order, then those left out for
/// room, then the rest by title.
pub fn rows(cx: &ViewCtx) -> Vec<Row> {
    rows_of_sheet(cx, &build(cx))
}

pub fn rows_of_sheet(cx: &ViewCtx, sheet: &Sheet) -> Vec<Row> {
    let Some(store) = cx.data.stories() else {
        return Vec::new();
    };
    let mut out: Vec<Row> = sheet
        .stories
        .iter()
        .map(|s| Row {
            id: s.id.clone(),
            title: s.title.clone(),
            state: if s.pinned {
                RowState::Pinned
            } else {
                RowState::OnSheet
            },
        })
        .collect();
    let listed = |id: &StoryId, out: &[Row]| out.iter().any(|r| &r.id == id);
    let not_chosen =
        |id: &StoryId| -> Option<&NotChosen> { sheet.not_chosen.iter().find(|n| &n.id == id) };
    let all = store.list(Order::Title);
    for s in &all {
        if !listed(&s.id, &out) && not_chosen(&s.id).is_none() {
            out.push(Row {
                id: s.id.clone(),
                title: sheet_title(s),
                state: RowState::NoRoom,
            });
        }
    }
    for s in &all {
        if let Some(n) = not_chosen(&s.id) {
            out.push(Row {
                id: s.id.clone(),
                title: n.title.clone(),
                state: RowState::NotChosen(n.why),
            });
        }
    }
    out
}

fn sheet_title(s: &Story) -> String {
    let t = crate::storage::sanitize::clean_line(&s.title);
    let t = t.trim();
    if t.is_empty() {
        "Untitled story".into()
    } else {
        t.to_string()
    }
}
