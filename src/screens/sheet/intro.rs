//! The Sheet screen's 30-second introduction while it is open: typing, undo, the starter, saving.

use super::{AUTOSAVE_DELAY, RETRY_DELAY, SheetScreen};
use crate::domain::sheet::starter::starter;
use crate::kit::{Action, Ctx, Said, Status};
use crate::widgets::field::TextField;
use crate::widgets::undo_note::{change_note, undo_said};
use chrono::{DateTime, Utc};

/// Said when Ctrl-A puts the starter in; taken back once the user types.
const STARTER_LATER: &str = "The starter goes only into an empty introduction, so nothing you \
                             typed is replaced.";
const STARTER_IN: &str = "A starter from your profile is in, its first [blank] selected: type to \
                          fill it in, Tab for the next. Then make it sound like you. Ctrl-Z takes \
                          it out.";

/// The 30-second introduction while it is open.
#[derive(Debug)]
pub struct IntroEditor {
    pub field: TextField,
    /// When the next autosave is due; `None` when everything is on disk.
    pub due: Option<DateTime<Utc>>,
    /// Filler words in the text, as the story coach's phrasing rules find them; kept from the last
    /// edit so drawing does no analysis.
    pub fillers: Vec<(String, usize)>,
    /// A message about the last key's work (the starter put in, an undo) that typing makes
    /// stale: taken back with the next key typed, or on leaving the box.
    pub said: Said,
}

impl SheetScreen {
    pub(super) fn update_intro(&mut self, action: Action, cx: &mut Ctx) {
        let Some(ed) = &mut self.intro else {
            return;
        };
        let changed = match action {
            // Typing is the user's answer to the last key's message: it goes.
            Action::Edit(key) => {
                take_back_said(ed, cx);
                ed.field.key(key)
            }
            Action::Paste(text) => {
                take_back_said(ed, cx);
                ed.field.paste(&text)
            }
            Action::UndoTyping | Action::RedoTyping => {
                let undo = action == Action::UndoTyping;
                let before = ed.field.text();
                let changed = if undo {
                    ed.field.area_mut().undo()
                } else {
                    ed.field.area_mut().redo()
                };
                let note = change_note(&before, &ed.field.text());
                say_until_typing(ed, cx, undo_said(undo, "introduction", note));
                changed
            }
            // Offered (and bound) only while the box is empty: nothing typed is ever replaced.
            Action::AcceptRewrite if ed.field.text().trim().is_empty() => {
                let text = starter(cx.data.profile(), cx.data.library());
                ed.field.clear();
                say_until_typing(ed, cx, STARTER_IN.to_string());
                let changed = ed.field.paste(&text);
                ed.field.select_blank(true);
                changed
            }
            // Once there are words, Ctrl-A only says why: the editor's own Ctrl-A (to the line's
            // start) sent a walk's next words to the front of the text, swapped with the first.
            Action::AcceptRewrite => {
                say_until_typing(ed, cx, STARTER_LATER.to_string());
                false
            }
            // Bound only while a blank is left (see `keys::BLANK_KEYS`).
            Action::NextField | Action::PrevField => {
                take_back_said(ed, cx);
                ed.field.select_blank(action == Action::NextField);
                false
            }
            Action::Save => {
                save_intro(&mut self.intro, cx, true);
                return;
            }
            Action::Back => {
                take_back_said(ed, cx);
                save_intro(&mut self.intro, cx, true);
                self.intro = None;
                return;
            }
            other => {
                cx.ignore(other);
                false
            }
        };
        if changed {
            let text = ed.field.text();
            if let Some(coach) = &self.coach {
                ed.fillers = coach.scan(&text, None).fillers;
            }
            if let Some(mut w) = cx.writer() {
                w.note_intro(&text);
                ed.due = Some(cx.now + AUTOSAVE_DELAY);
            }
        }
    }
}

/// Says `text` about the key just pressed, until the user types on (see [`IntroEditor::said`]).
fn say_until_typing(ed: &mut IntroEditor, cx: &mut Ctx, text: String) {
    ed.said.say(cx, Status::info(text));
}

/// Clears the message [`say_until_typing`] left, if it still shows.
fn take_back_said(ed: &mut IntroEditor, cx: &mut Ctx) {
    ed.said.take_back(cx);
}

/// Saves the introduction if it has unsaved changes (or `now` is asked for), and says so on failure.
pub(super) fn save_intro(intro: &mut Option<IntroEditor>, cx: &mut Ctx, now: bool) {
    let Some(ed) = intro else { return };
    if ed.due.is_none() && !now {
        return;
    }
    let Some(mut w) = cx.writer() else { return };
    match w.save_sheet_choices() {
        Ok(()) => ed.due = None,
        Err(text) => {
            ed.due = Some(cx.now + RETRY_DELAY);
            cx.say(Status::error(text));
        }
    }
}
