//! The Home screen: the countdown, the next step, the preparation checklist, questions to ask the
//! interviewer, and progress charts. Its state is only what has focus; the data is shared.

mod charts;
mod debrief;
mod keys;
mod lists;
mod next;
mod summary;
mod view;

use crate::domain::prep::{When, date_examples, parse_interview};
use crate::kit::keymap::{Group, Keymap};
use crate::kit::{Action, Ctx, Screen, Status, Typing, ViewCtx};
use crate::widgets::field::{Lines, TextField};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Which list has focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Checklist,
    Asks,
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
    pub date: Option<TextField>,
    /// What Enter on a date that does not read put on the status line, taken back when the field
    /// closes.
    date_warning: Option<Status>,
    /// The notes on how the interview went, while open.
    pub debrief: Option<debrief::DebriefEditor>,
    /// What `s` said when it pointed at a checklist step ("… Space ticks it once it is done"),
    /// taken back once a step is ticked.
    pointed: Option<Status>,
}

impl Home {
    pub fn new() -> Home {
        Home {
            pane: Pane::Checklist,
            step: 0,
            ask: 0,
            detail: false,
            date: None,
            date_warning: None,
            debrief: None,
            pointed: None,
        }
    }

    /// Keys while the date field is open: Enter saves, Esc cancels, the rest is typed.
    fn update_date(&mut self, action: Action, cx: &mut Ctx) {
        let Some(field) = &mut self.date else {
            return;
        };
        match action {
            Action::Select => {
                let text = field.text();
                let when = if text.trim().is_empty() {
                    None
                } else {
                    match parse_interview(&text, cx.today) {
                        Ok(w) => Some(w),
                        Err(msg) => {
                            // The answer to "type the date again" replaces it: no erasing first.
                            field.offer_for_replacing();
                            let warning = Status::warn(msg);
                            self.date_warning = Some(warning.clone());
                            return cx.say(warning);
                        }
                    }
                };
                self.close_date(cx);
                set_interview(when, cx);
            }
            Action::Back => self.close_date(cx),
            Action::Edit(key) => {
                field.key(key);
            }
            Action::Paste(text) => {
                field.paste(&text);
            }
            other => cx.ignore(other),
        }
    }

    /// Closes the date field, taking back its warning if that still shows.
    fn close_date(&mut self, cx: &mut Ctx) {
        self.date = None;
        if let Some(warning) = self.date_warning.take() {
            cx.take_back(&warning);
        }
    }

    /// Keys on the two lists and on an item read in full.
    fn update_lists(&mut self, action: Action, cx: &mut Ctx) {
        let lib = cx.data.library();
        let asks = cx.data.focus().asks(lib);
        let len = match self.pane {
            Pane::Checklist => lib.steps.len(),
            Pane::Asks => asks.len(),
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
                let (pane, id) = match self.pane {
                    Pane::Checklist => (self.pane, lib.steps.get(self.step).map(|s| s.id.clone())),
                    Pane::Asks => (self.pane, asks.get(self.ask).map(|a| a.id.clone())),
                };
                let Some(id) = id else { return };
                let Some(mut w) = cx.writer() else { return };
                let saved = match pane {
                    Pane::Checklist => w.toggle_step(&id),
                    Pane::Asks => w.toggle_star(&id),
                };
                match saved {
                    Err(text) => cx.say(Status::error(text)),
                    Ok(_) => {
                        if let Some(said) = self.pointed.take() {
                            cx.take_back(&said);
                        }
                    }
                }
            }
            Action::SetInterviewDate => self.open_date(cx.data.interview_when(), cx.today),
            Action::NoteInterview => self.open_debrief(cx),
            other => cx.ignore(other),
        }
    }

    /// The profile changed: the list of questions to ask starts over.
    pub fn follow(&mut self) {
        self.ask = 0;
        self.detail = false;
    }

    /// Opens the date field holding the `current` date, if any: a date typed replaces it, and
    /// Backspace edits it. A date gone by is left out: after an interview the field is for the
    /// next one, and a walk opening it was greeted with "December 9 is in the past".
    pub fn open_date(&mut self, current: Option<When>, today: NaiveDate) {
        let text = current
            .filter(|w| w.date >= today)
            .map_or(String::new(), |w| w.typed());
        let hint = format!("e.g. {}", date_examples(today));
        let mut field = TextField::with_text(Lines::One, &hint, &text);
        field.offer_for_replacing();
        self.date = Some(field);
        self.detail = false;
    }
}

/// Saves a new interview date (None clears it) and says so.
fn set_interview(when: Option<When>, cx: &mut Ctx) {
    let Some(mut w) = cx.writer() else { return };
    let saved = w.set_interview(when.map(|w| w.date), when.and_then(|w| w.time));
    cx.say(match saved {
        Ok(()) => Status::info(match when {
            Some(w) => format!("Interview set for {}.", w.long()),
            None => "Interview date cleared.".into(),
        }),
        Err(text) => Status::error(text),
    });
}

impl Screen for Home {
    fn keys(&self) -> Keymap {
        let group = |title, bindings| vec![Group { title, bindings }];
        if self.date.is_some() {
            // The app adds the typing keys (Ctrl-C) after these, as for every text field.
            Keymap {
                groups: group("Interview date", keys::DATE_KEYS),
                typing: Some(Typing::Saved),
            }
        } else if self.debrief.is_some() {
            Keymap {
                groups: group("Notes on your interview", keys::DEBRIEF_KEYS),
                typing: Some(Typing::Saved),
            }
        } else if self.detail {
            Keymap::of(group("Reading", keys::DETAIL_KEYS))
        } else {
            Keymap::of(group("Home", keys::KEYS))
        }
    }

    fn update(&mut self, action: Action, cx: &mut Ctx) {
        if self.date.is_some() {
            self.update_date(action, cx);
        } else if self.debrief.is_some() {
            self.update_debrief(action, cx);
        } else {
            self.update_lists(action, cx);
        }
    }

    fn tick(&mut self, cx: &mut Ctx, _shown: bool) -> bool {
        self.tick_debrief(cx)
    }

    fn next_deadline(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.debrief.as_ref().and_then(|e| e.due)
    }

    fn render(&self, cx: &ViewCtx, area: Rect, buf: &mut Buffer) {
        view::render(self, cx, area, buf);
    }
}

impl Default for Home {
    fn default() -> Self {
        Home::new()
    }
}
