//! Opening what today's plan names, from Home's s: the story to tag or finish, or a new story for
//! the skill no story shows yet.

use super::{Editor, Field, Stories, View};
use crate::domain::content::Id;
use crate::domain::plan::Story as Step;
use crate::domain::prose::join_and;
use crate::domain::stories::{Gap, StoryId};
use crate::kit::{Ctx, Status};

impl Stories {
    /// Does the plan's story step: a story to tag opens on its tags with the skill highlighted, a
    /// story to finish opens on its first missing part, and a story to write starts tagged with
    /// the skill it is for. A story open in the editor is saved and closed first; if it cannot be
    /// saved it stays open, and the save's message says why.
    pub fn start_step(&mut self, step: &Step, cx: &mut Ctx) {
        match step {
            Step::Write { about: Some(a), .. } => {
                if self.close_for_step(cx) {
                    self.start_new_for(&Gap::Competency(a.id.clone()), cx);
                }
            }
            Step::Write { about: None, .. } => {
                if self.close_for_step(cx) {
                    self.start_new(cx);
                }
            }
            Step::Tag(t) => self.open_to_tag(&t.story, &t.skill.id, cx),
            Step::Finish(u) => {
                if !self.open_for_step(&u.story, cx) {
                    return;
                }
                let lib = cx.data.library();
                if let Some(ed) = self.editor.as_mut() {
                    let first = ed.story.completeness().missing().first().copied();
                    if let Some(s) = first {
                        ed.focus(Field::Section(s), lib);
                    }
                }
                *cx.status = Some(Status::info(format!(
                    "Add the {} to finish this story; it saves as you type.",
                    join_and(&u.missing)
                )));
            }
        }
    }

    /// Opens story `id` on its tags with skill `skill` highlighted, so Enter adds it: for a skill
    /// no story is tagged with that this story's words show.
    pub(super) fn open_to_tag(&mut self, id: &StoryId, skill: &Id, cx: &mut Ctx) {
        if !self.open_for_step(id, cx) {
            return;
        }
        let lib = cx.data.library();
        if let Some(ed) = self.editor.as_mut() {
            ed.offer_tag(skill, lib);
        }
        let name = lib
            .competency(skill)
            .map_or(skill.as_str(), |c| c.name.as_str());
        *cx.status = Some(Status::info(format!(
            "This story already shows {name} in its words. Enter adds the tag “{skill}”; Esc goes \
             back to your stories."
        )));
    }

    /// Saves and closes the story open in the editor, if any. False if it is still open.
    fn close_for_step(&mut self, cx: &mut Ctx) -> bool {
        if self.editor.is_some() {
            self.leave_editor(cx);
        }
        self.editor.is_none()
    }

    /// Opens story `id` in the editor (saving and closing another first). False, with a word on the
    /// status line, if it cannot be opened.
    fn open_for_step(&mut self, id: &StoryId, cx: &mut Ctx) -> bool {
        if self.editor.as_ref().is_some_and(|e| e.story.id == *id) {
            self.view = View::Edit;
            return true;
        }
        if !self.close_for_step(cx) {
            return false;
        }
        let Some(story) = cx.data.stories().and_then(|s| s.get(id)).cloned() else {
            self.view = View::List;
            *cx.status = Some(Status::info(
                "That story is no longer in your stories folder. Here are the ones that are.",
            ));
            return false;
        };
        let lib = cx.data.library();
        let ed = Editor::open(story, lib, &self.coach, &self.theme);
        self.editor = Some(ed.offer_for(cx.data.focus(), lib));
        self.view = View::Edit;
        true
    }
}
