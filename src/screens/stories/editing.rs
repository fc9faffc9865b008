//! Keys while the story editor is open, and saving what they changed through the one writer.

use super::editor::{AUTOSAVE_DELAY, SaveError};
use super::{Editor, Field, Stories, View, display_title, error};
use crate::domain::stories::{Gap, SaveOutcome};
use crate::kit::{Action, Ctx, Level, Status};
use crate::storage::write_atomic;
use crate::widgets::undo_note::{change_note, undo_said};
use chrono::{DateTime, SubsecRound, Utc};
use std::path::PathBuf;

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
        let ed = Editor::new_story(cx.now, lib, &self.coach, &self.theme);
        self.editor = Some(ed.offer_for(cx.data.focus(), lib));
        self.view = View::Edit;
        // A message about the list ("no story to edit yet: press n") would contradict the editor.
        *cx.status = None;
    }

    /// A new story for a gap in the coverage: tagged with the competency, or linked to the question.
    pub(super) fn start_new_for(&mut self, gap: &Gap, cx: &mut Ctx) {
        self.start_new(cx);
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        let lib = cx.data.library();
        let what = match gap {
            Gap::Competency(id) => {
                let name = lib.competency(id).map_or(id.as_str(), |c| c.name.as_str());
                ed.story.tags.push(id.to_string());
                format!("tagged “{}”, so it counts for {name}", id)
            }
            Gap::Question(id) => {
                ed.story.questions.push(id.clone());
                let q = lib.question(id).map_or(id.as_str(), |q| q.text.as_str());
                format!("linked to “{}”", short(q))
            }
        };
        let story = ed.story.clone();
        let mut fresh =
            Editor::open(story, lib, &self.coach, &self.theme).offer_for(cx.data.focus(), lib);
        fresh.is_new = true;
        say_until_typing(
            &mut fresh,
            cx,
            &format!("New story, {what}. Give it a title to start."),
        );
        self.editor = Some(fresh);
    }

    pub(super) fn update_editor(&mut self, action: Action, cx: &mut Ctx) {
        let now = cx.now;
        let Some(ed) = self.editor.as_mut() else {
            self.view = View::List;
            return;
        };
        let coach = &self.coach;
        if super::coaching::whole_takes(ed, coach, &action, cx) {
            return;
        }
        match action {
            Action::AllCoaching => ed.coaching = Some(0),
            // Leaving keeps the editor open if the save failed, so the text is not lost.
            Action::Back => {
                take_back_said(ed, cx);
                self.leave_editor(cx)
            }
            Action::NextField | Action::PrevField => {
                take_back_said(ed, cx);
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
            Action::UndoTyping | Action::RedoTyping => {
                let undo = action == Action::UndoTyping;
                let before = ed.focused().text();
                if undo {
                    ed.undo(now, cx.data.library(), coach);
                } else {
                    ed.redo(now, cx.data.library(), coach);
                }
                let note = change_note(&before, &ed.focused().text());
                say_until_typing(ed, cx, &undo_said(undo, ed.field.label(), note));
            }
            Action::Select => match ed.field {
                Field::Tags => {
                    // Enter adds the highlighted skill; with none highlighted it moves on.
                    let added = ed.accept_suggestion(now, cx.data.library(), coach);
                    match added {
                        Some((id, name)) => {
                            *cx.status =
                                info(&format!("Tagged “{id}”: this story counts for {name} now."));
                        }
                        None => ed.focus(Field::Tags.next(), cx.data.library()),
                    }
                    self.save_if(added.is_none(), cx);
                }
                Field::Questions => {
                    if let Some((linked, question)) = ed.toggle_link(now, cx.data.library()) {
                        let what = if linked { "Linked" } else { "Unlinked" };
                        *cx.status = info(&format!("{what} “{}”.", short(&question)));
                    }
                }
                _ => cx.ignore(action),
            },
            Action::NextFlag | Action::PrevFlag => {
                let before = ed.field;
                match ed.step_flag(action == Action::NextFlag, cx.data.library()) {
                    Some((n, total)) => {
                        say_until_typing(ed, cx, &format!("Marked phrase {n} of {total}."));
                    }
                    None => *cx.status = info("No phrase is marked: nothing to reword."),
                }
                if ed.field != before {
                    self.save(cx, false);
                }
            }
            Action::AcceptRewrite => match ed.accept_rewrite(now, cx.data.library(), coach) {
                Some(a) if a.now.is_empty() => {
                    let text = format!("Deleted “{}”. Ctrl-Z brings it back.", a.was);
                    say_until_typing(ed, cx, &text);
                }
                Some(a) => {
                    let text = format!("Changed “{}” to “{}”. Ctrl-Z undoes it.", a.was, a.now);
                    say_until_typing(ed, cx, &text);
                }
                None if ed.on_mark() => {
                    *cx.status = info(
                        "This mark has no rewrite to accept: the coaching says how to change it \
                         by hand.",
                    );
                }
                None => {
                    *cx.status = info(
                        "Nothing to accept here: Ctrl-N moves to a marked phrase with a rewrite.",
                    );
                }
            },
            Action::OtherRewrite => {
                if !ed.other_rewrite(coach) {
                    *cx.status = info("This phrase has no other rewrite.");
                }
            }
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
                    _ => cx.ignore(action),
                }
            }
            Action::Edit(key) => {
                take_back_said(ed, cx);
                ed.key(key, now, cx.data.library(), coach);
            }
            Action::Paste(text) => {
                take_back_said(ed, cx);
                ed.paste(&text, now, cx.data.library(), coach);
            }
            other => cx.ignore(other),
        }
    }

    pub(super) fn leave_editor(&mut self, cx: &mut Ctx) {
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

impl Stories {
    /// Saves the open story if it has unsaved changes. Returns true when nothing is left unsaved.
    /// `announce` says so on the status line even when all went well (Ctrl-S).
    pub(super) fn save(&mut self, cx: &mut Ctx, announce: bool) -> bool {
        self.save_at(cx, announce)
    }

    /// Autosave: writes the open story once its changes are a second old, and retries a failed save
    /// a second after the last try. Returns true if anything on screen changed.
    pub(super) fn autosave(&mut self, cx: &mut Ctx) -> bool {
        if self.editor.as_ref().is_some_and(|e| e.is_due(cx.now)) {
            self.save_at(cx, false);
            return true;
        }
        false
    }

    /// When autosave next wants to run, if there is anything to save.
    pub(super) fn autosave_due(&self) -> Option<DateTime<Utc>> {
        self.editor
            .as_ref()
            .filter(|e| e.is_dirty())
            .and_then(|e| e.due)
    }

    /// Saves before the app closes. Returns false if changes could not be saved.
    pub fn flush(&mut self, cx: &mut Ctx) -> bool {
        self.save_at(cx, false)
    }

    /// The open story, if it has changes that are not on disk.
    pub fn unsaved(&self) -> Option<&crate::domain::stories::Story> {
        self.editor
            .as_ref()
            .filter(|e| e.is_dirty())
            .map(|e| &e.story)
    }

    /// Last resort when the story cannot be saved where it belongs: writes it, in the story file
    /// format, to a new file in the system's temporary folder and returns the path.
    pub fn rescue(&self, now: DateTime<Utc>) -> Result<PathBuf, String> {
        let Some(story) = self.unsaved() else {
            return Err("there was nothing unsaved".into());
        };
        let text = crate::domain::stories::file::to_toml(story).map_err(|e| e.to_string())?;
        let name = format!(
            "clinicprep-unsaved-{}-{}.toml",
            story.id,
            now.timestamp_millis()
        );
        let path = std::env::temp_dir().join(name);
        write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
        Ok(path)
    }

    fn save_at(&mut self, cx: &mut Ctx, announce: bool) -> bool {
        let now = cx.now;
        let status = &mut *cx.status;
        let Some(ed) = self.editor.as_mut() else {
            return true;
        };
        if !ed.is_dirty() {
            if announce {
                *status = info("Nothing new to save: everything is on disk.");
            }
            return true;
        }
        if ed.is_new && ed.is_blank() {
            // Nothing typed yet (or all of it deleted again): no file for an empty story.
            ed.dirty_since = None;
            ed.due = None;
            return true;
        }
        let folder = cx.data.stories_folder();
        let load_error = folder.load_error.clone();
        let writer = cx.data.writer();
        let Some(store) = writer.ok().and_then(|w| w.into_stories()) else {
            ed.error = Some(SaveError {
                message: load_error.unwrap_or_else(|| {
                    "this window is read-only: another clinicprep has the data folder open".into()
                }),
                hint: "your text is kept here; fix the folder and restart clinicprep",
            });
            ed.due = Some(now + AUTOSAVE_DELAY);
            return false;
        };
        if ed.is_new {
            ed.story.id = store.new_id(&ed.story.title, now);
            ed.is_new = false;
        }
        match store.save(&ed.story, now) {
            Ok(outcome) => {
                crate::storage::recovery::forget();
                let recovered = ed.error.take().is_some();
                ed.dirty_since = None;
                ed.due = None;
                ed.saved_at = Some(now);
                ed.story.updated = Some(now.trunc_subsecs(0));
                let title = display_title(&ed.story.title).to_string();
                match outcome {
                    SaveOutcome::Saved { path } => {
                        if announce || recovered {
                            *status = info(&format!("Saved “{title}” to {}.", path.display()));
                        }
                    }
                    SaveOutcome::Conflict { path } => {
                        *status = warn(&format!(
                            "“{title}” was changed outside clinicprep, so that file was left as it \
                             is; your version is saved in {}.",
                            path.display()
                        ));
                    }
                    SaveOutcome::KeptBadFile { path } => {
                        *status = warn(&format!(
                            "The file for “{title}” could not be read, so it was left as it is; \
                             your version is saved in {}.",
                            path.display()
                        ));
                    }
                }
                true
            }
            Err(e) => {
                let message = crate::storage::sanitize::clean_line(&e.to_string());
                *status = Some(Status {
                    level: Level::Error,
                    text: format!("Not saved: {message}"),
                });
                ed.error = Some(SaveError {
                    message,
                    hint: e.hint(),
                });
                ed.due = Some(now + AUTOSAVE_DELAY);
                false
            }
        }
    }
}

/// A question or phrase cut to a few words for the status line.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 9 {
        words.join(" ")
    } else {
        format!("{}…", words[..9].join(" "))
    }
}

/// Says `text` about the key just pressed, until the user types on (see [`Editor::said`]).
fn say_until_typing(ed: &mut Editor, cx: &mut Ctx, text: &str) {
    ed.said.say(cx, Status::info(text));
}

/// Clears the message [`say_until_typing`] left, if it still shows.
fn take_back_said(ed: &mut Editor, cx: &mut Ctx) {
    ed.said.take_back(cx);
}

fn info(text: &str) -> Option<Status> {
    Some(Status {
        level: Level::Info,
        text: crate::storage::sanitize::clean_line(text),
    })
}

fn warn(text: &str) -> Option<Status> {
    Some(Status {
        level: Level::Warning,
        text: crate::storage::sanitize::clean_line(text),
    })
}
