//! The Home screen: the countdown, the next step, the preparation checklist, questions to ask the
//! interviewer, and progress charts. Its state is only what has focus; the data lives in `App`.

mod charts;
pub mod view;

use crate::app::Action;
use crate::app::keymap::{Binding, Group, bind, ch, code};
use crate::domain::content::{Id, Library};
use crate::domain::prep::parse_interview_date;
use chrono::NaiveDate;
use crossterm::event::KeyCode;
use ratatui_textarea::TextArea;

/// Which list has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Checklist,
    Asks,
}

/// What the app must do after a key on Home.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    ToggleStep(Id),
    ToggleStar(Id),
    /// A new interview date (None clears it).
    SetInterview(Option<NaiveDate>),
    /// Tell the user something on the status line (a date that could not be read).
    Message(String),
}

#[derive(Debug)]
pub struct Home {
    pub pane: Pane,
    /// Selected checklist step and question to ask (indexes into the library's lists).
    pub step: usize,
    pub ask: usize,
    /// The selected item's full text is open.
    pub detail: bool,
    /// The interview date field, while open.
    pub date: Option<TextArea<'static>>,
}

static KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "move in the list",
        Action::Up,
        Some("move"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "move down in the list",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Left), ch('h')],
        "←/→",
        "switch between checklist and questions to ask",
        Action::Left,
        Some("list"),
    ),
    bind(
        &[code(KeyCode::Right), ch('l')],
        "→/l",
        "switch list",
        Action::Right,
        None,
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick the step / star the question",
        Action::Toggle,
        Some("tick/star"),
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "read the whole item",
        Action::Select,
        None,
    ),
    bind(
        &[ch('i')],
        "i",
        "set your interview date",
        Action::SetInterviewDate,
        Some("date"),
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "first item",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "last item",
        Action::Bottom,
        None,
    ),
];

static DETAIL_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc), code(KeyCode::Enter)],
        "Esc",
        "close",
        Action::Back,
        Some("close"),
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick the step / star the question",
        Action::Toggle,
        Some("tick/star"),
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "previous / next item",
        Action::Up,
        Some("item"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next item",
        Action::Down,
        None,
    ),
];

static DATE_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "save the date (empty clears it)",
        Action::Select,
        Some("save"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "cancel: keep the date as it was",
        Action::Back,
        Some("cancel"),
    ),
];

impl Home {
    pub fn new() -> Home {
        Home {
            pane: Pane::Checklist,
            step: 0,
            ask: 0,
            detail: false,
            date: None,
        }
    }

    /// Typing goes to the date field while it is open.
    pub fn editing(&self) -> bool {
        self.date.is_some()
    }

    pub fn keymap(&self) -> Vec<Group> {
        if self.date.is_some() {
            // The app adds the typing keys (Ctrl-C) after these, as for every text field.
            vec![Group {
                title: "Interview date",
                bindings: DATE_KEYS,
            }]
        } else if self.detail {
            vec![Group {
                title: "Reading",
                bindings: DETAIL_KEYS,
            }]
        } else {
            vec![Group {
                title: "Home",
                bindings: KEYS,
            }]
        }
    }

    pub fn update(&mut self, action: Action, lib: &Library, today: NaiveDate) -> Option<Effect> {
        if let Some(field) = &mut self.date {
            return match action {
                Action::Select => {
                    let text = field.lines().join(" ");
                    if text.trim().is_empty() {
                        self.date = None;
                        return Some(Effect::SetInterview(None));
                    }
                    match parse_interview_date(&text, today) {
                        Ok(d) => {
                            self.date = None;
                            Some(Effect::SetInterview(Some(d)))
                        }
                        Err(msg) => Some(Effect::Message(msg)),
                    }
                }
                Action::Back => {
                    self.date = None;
                    None
                }
                Action::Edit(key)
                    if !matches!(key.code, KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab) =>
                {
                    field.input(key);
                    None
                }
                Action::Paste(text) => {
                    field.insert_str(crate::storage::sanitize::clean_line(&text));
                    None
                }
                _ => None,
            };
        }
        let len = match self.pane {
            Pane::Checklist => lib.steps.len(),
            Pane::Asks => lib.asks.len(),
        };
        let sel = match self.pane {
            Pane::Checklist => &mut self.step,
            Pane::Asks => &mut self.ask,
        };
        match action {
            Action::Up | Action::ScrollUp => *sel = sel.saturating_sub(1),
            Action::Down | Action::ScrollDown => *sel = (*sel + 1).min(len.saturating_sub(1)),
            Action::Top => *sel = 0,
            Action::Bottom => *sel = len.saturating_sub(1),
            Action::Left | Action::Right => {
                self.pane = match self.pane {
                    Pane::Checklist => Pane::Asks,
                    Pane::Asks => Pane::Checklist,
                }
            }
            Action::Select => self.detail = !self.detail,
            Action::Back => self.detail = false,
            Action::Toggle => {
                return match self.pane {
                    Pane::Checklist => lib
                        .steps
                        .get(self.step)
                        .map(|s| Effect::ToggleStep(s.id.clone())),
                    Pane::Asks => lib
                        .asks
                        .get(self.ask)
                        .map(|a| Effect::ToggleStar(a.id.clone())),
                };
            }
            _ => {}
        }
        None
    }

    /// Opens the date field holding the `current` date, if any, ready to edit.
    pub fn open_date(&mut self, current: Option<NaiveDate>) {
        let mut field = TextArea::default();
        field.set_placeholder_text("e.g. 2026-12-07");
        if let Some(d) = current {
            field.insert_str(d.format("%Y-%m-%d").to_string());
        }
        self.date = Some(field);
        self.detail = false;
    }
}

impl Default for Home {
    fn default() -> Self {
        Home::new()
    }
}
