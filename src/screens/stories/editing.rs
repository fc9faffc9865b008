//! Keys while the editor is open: moving between fields, the pick lists, saving and leaving.

use super::{Ctx, Editor, Field, Stories, View, error, open_store};
use crate::app::Action;

impl Stories {
    pub(super) fn start_new(&mut self, cx: &mut Ctx) {
        if self.store().is_none() {
            // The user may have fixed the folder since: try again before saying no.
            let (store, bad, load_error) = open_store(&self.data_dir);
            self.store.set(store);
            (self.bad, self.load_error) = (bad, load_error);
        }
        if self.store().is_none() {
            *cx.status = error(
                "Stories cannot be written until the stories folder can be read; the reason is above.",
            );
            return;
        }
        self.editor = Some(Editor::new_story(cx.now, cx.lib, &self.coach, &self.theme));
        self.view = View::Edit;
    }

    pub(super) fn update_editor(&mut self, action: Action, cx: &mut Ctx) {
        let (lib, now) = (cx.lib, cx.now);
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
                ed.focus(to, lib);
                self.save(cx, false);
            }
            Action::Save => {
                self.save(cx, true);
            }
            Action::Undo => {
                ed.undo(now, lib, coach);
            }
            Action::Redo => {
                ed.redo(now, lib, coach);
            }
            Action::Select => match ed.field {
                Field::Tags => {
                    // Enter adds the highlighted skill; with none highlighted it moves on.
                    let added = ed.accept_suggestion(now, lib, coach);
                    if !added {
                        ed.focus(Field::Tags.next(), lib);
                    }
                    self.save_if(!added, cx);
                }
                Field::Questions => {
                    ed.toggle_link(now, lib, coach);
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
                ed.key(key, now, lib, coach);
            }
            Action::Paste(text) => {
                ed.paste(&text, now, lib, coach);
            }
            _ => {}
        }
    }

    fn leave_editor(&mut self, cx: &mut Ctx) {
        let saved = self.save(cx, false);
        self.close_editor_if(saved);
    }

    fn save_if(&mut self, cond: bool, cx: &mut Ctx) {
        if cond {
            self.save(cx, false);
        }
    }

    /// Leaves the editor for the list, selecting the story that was open.
    fn close_editor_if(&mut self, cond: bool) {
        if !cond {
            return;
        }
        let id = self.editor.take().map(|e| e.story.id);
        self.view = View::List;
        if let Some(id) = id
            && let Some(i) = self.position_of(&id)
        {
            self.selected = i;
        }
    }
}
