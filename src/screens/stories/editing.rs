//! Keys while the editor is open: moving between fields, the pick lists, saving and leaving.

use super::{Editor, Field, Stories, View, error};
use crate::kit::{Action, Ctx};

impl Stories {
    pub(super) fn start_new(&mut self, cx: &mut Ctx) {
        // The user may have fixed the folder since: try again before saying no.
        cx.data.retry_stories();
        if cx.data.stories().is_none() {
            *cx.status = error(
                "Stories cannot be written until the stories folder can be read; the reason is above.",
            );
            return;
        }
        let lib = cx.data.library();
        self.editor = Some(Editor::new_story(cx.now, lib, &self.coach, &self.theme));
        self.view = View::Edit;
    }

    pub(super) fn update_editor(&mut self, action: Action, cx: &mut Ctx) {
        let now = cx.now;
        let Some(ed) = self.editor.as_mut() else {
            self.view = View::List;
            return;
        };
        let coach = &self.coach;
        match action {
            // Leaving keeps the editor open if the save failed, so the text is not lost.
            Action::Back => self.leave_editor(cx),
            Action::NextField | Action::PrevField => {
                let to = if action == Action::NextField {
                    ed.field.next()
                } else {
                    ed.field.prev()
                };
                ed.focus(to, cx.data.library());
                self.save(cx, false);
            }
            Action::Save => {
                self.save(cx, true);
            }
            Action::UndoTyping => {
                ed.undo(now, cx.data.library(), coach);
            }
            Action::RedoTyping => {
                ed.redo(now, cx.data.library(), coach);
            }
            Action::Select => match ed.field {
                Field::Tags => {
                    // Enter adds the highlighted skill; with none highlighted it moves on.
                    let added = ed.accept_suggestion(now, cx.data.library(), coach);
                    if !added {
                        ed.focus(Field::Tags.next(), cx.data.library());
                    }
                    self.save_if(!added, cx);
                }
                Field::Questions => {
                    ed.toggle_link(now, cx.data.library(), coach);
                }
                _ => {}
            },
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                let step = match action {
                    Action::Up => -1,
                    Action::Down => 1,
                    Action::PageUp => -10,
                    _ => 10,
                };
                match ed.field {
                    Field::Tags if step < 0 => ed.suggestions.up(),
                    Field::Tags => ed.suggestions.down(),
                    Field::Questions => ed.links.step(step),
                    _ => {}
                }
            }
            Action::Edit(key) => {
                ed.key(key, now, cx.data.library(), coach);
            }
            Action::Paste(text) => {
                ed.paste(&text, now, cx.data.library(), coach);
            }
            _ => {}
        }
    }

    fn leave_editor(&mut self, cx: &mut Ctx) {
        let saved = self.save(cx, false);
        self.close_editor_if(saved, cx);
    }

    fn save_if(&mut self, cond: bool, cx: &mut Ctx) {
        if cond {
            self.save(cx, false);
        }
    }

    /// Leaves the editor for the list, selecting the story that was open.
    fn close_editor_if(&mut self, cond: bool, cx: &Ctx) {
        if !cond {
            return;
        }
        let id = self.editor.take().map(|e| e.story.id);
        self.view = View::List;
        self.refresh_derived(cx.data, cx.theme, cx.size);
        if let Some(id) = id
            && let Some(i) = self.position_of(cx.data, &id)
        {
            self.selected = i;
        }
    }
}
