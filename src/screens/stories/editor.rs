//! The story editor's state: one text field per part of the story, focus order, and the live analysis.

use super::picker::{Links, TagSuggestions};
use crate::domain::content::{Id, Library};
use crate::domain::plan::Focus;
use crate::domain::stories::{Analysis, Coach, Heard, Section, Story, StoryId, analyze};
use crate::kit::Theme;
use crate::widgets::field::{Lines, TextField};
use chrono::{DateTime, TimeDelta, Utc};
use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, WrapMode};

mod field;

pub use field::{Field, Shape};

/// How long after the first unsaved change autosave writes the story, and how long it waits before
/// retrying a save that failed. Under a second, so that text typed before a one-second pause is on
/// disk by the end of the pause even while typing continuously; the event loop wakes for it.
pub const AUTOSAVE_DELAY: TimeDelta = TimeDelta::milliseconds(750);

/// Why the last save failed, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    /// What failed, with the path.
    pub message: String,
    /// What the user can do about it.
    pub hint: &'static str,
}

/// A story being written or edited. The working copy in `story` always matches the fields.
#[derive(Debug)]
pub struct Editor {
    pub story: Story,
    /// True until the story is first saved: its id is only a placeholder until then, chosen from the
    /// title at the first save so the file name says what the story is about.
    pub is_new: bool,
    pub field: Field,
    pub title: TextField,
    /// Situation, Task, Action and Result, in [`Section::ALL`] order.
    pub sections: [TextField; 4],
    pub tags: TextField,
    /// The cue line for the one-page sheet.
    pub cue: TextField,
    pub suggestions: TagSuggestions,
    pub query: TextField,
    pub links: Links,
    pub analysis: Analysis,
    /// The skills the story's words suggest, offered first as tags and named in the coaching.
    pub heard: Vec<Heard>,
    /// Which rewrite of the marked phrase at the cursor is offered, and for which phrase (its section
    /// and start), so moving to another phrase offers its first rewrite again.
    pub choice: (usize, Option<(Section, usize)>),
    pub theme: Theme,
    /// When the oldest unsaved change was made; `None` when everything is on disk.
    pub dirty_since: Option<DateTime<Utc>>,
    /// When autosave should next write (one second after the first change, or after a failed try).
    pub due: Option<DateTime<Utc>>,
    pub error: Option<SaveError>,
    /// When the story was last written by this editor.
    pub saved_at: Option<DateTime<Utc>>,
    /// A message about the last key's work ("Undone in the Action…", "Changed “we” to “I”…")
    /// that typing makes stale: taken back with the next key typed.
    pub said: crate::kit::Said,
    /// The coaching shown whole over the form (F2), scrolled this many lines; None for the form.
    pub coaching: Option<usize>,
    /// The mark Ctrl-N or Ctrl-P last went to (part, start), until the text changes: the next
    /// Ctrl-N goes past it, but after a rewrite a mark now at the cursor is the next one.
    pub stepped: Option<(usize, usize)>,
}

fn area(text: &str, hint: &str, lines: Lines, wrap: bool, theme: &Theme) -> TextField {
    // Opening a story usually means adding to it: the cursor starts at the end of what is there.
    let mut field = TextField::with_text(lines, hint, text);
    let t = field.area_mut();
    t.set_placeholder_style(theme.muted);
    t.set_selection_style(theme.selected);
    // Undo steps are single characters; the default 50 would not reach back over one sentence.
    t.set_max_histories(1000);
    if wrap {
        t.set_wrap_mode(WrapMode::WordOrGlyph);
    }
    field
}

impl Editor {
    /// A blank story created `now`, with the cursor in the title.
    pub fn new_story(now: DateTime<Utc>, lib: &Library, cx: &Coach, theme: &Theme) -> Editor {
        let story = Story::new(StoryId::generate("", now), "", now);
        let mut ed = Editor::open(story, lib, cx, theme);
        ed.is_new = true;
        ed
    }

    /// Opens an existing story, with the cursor in the title.
    pub fn open(story: Story, lib: &Library, cx: &Coach, theme: &Theme) -> Editor {
        let sections = Section::ALL.map(|s| {
            area(
                story.text(s),
                Field::Section(s).hint(),
                Lines::Many,
                true,
                theme,
            )
        });
        let mut ed = Editor {
            title: area(&story.title, Field::Title.hint(), Lines::One, true, theme),
            sections,
            cue: area(&story.cue, Field::Cue.hint(), Lines::One, true, theme),
            tags: area(
                &story.tags.join(", "),
                Field::Tags.hint(),
                Lines::One,
                true,
                theme,
            ),
            suggestions: TagSuggestions::default(),
            query: area("", Field::Questions.hint(), Lines::One, false, theme),
            links: Links::default(),
            analysis: analyze(&story, cx),
            heard: cx.skills.heard(&story),
            choice: (0, None),
            theme: *theme,
            story,
            is_new: false,
            field: Field::Title,
            dirty_since: None,
            due: None,
            error: None,
            saved_at: None,
            said: crate::kit::Said::default(),
            coaching: None,
            stepped: None,
        };
        ed.suggestions
            .refresh(&ed.tags_text(), &ed.story.tags, lib, &ed.heard);
        ed.links
            .refresh(&ed.query_text(), &ed.story, lib, &ed.heard);
        ed.refresh_marks();
        ed
    }

    /// Offers in the question list only what `focus` holds: the questions of the user's roles.
    pub fn offer_for(mut self, focus: &Focus, lib: &Library) -> Editor {
        self.refocus(focus, lib);
        self
    }

    /// [`Editor::offer_for`] on an open editor, when the roles in focus change (`m`).
    pub fn refocus(&mut self, focus: &Focus, lib: &Library) {
        self.links.set_focus(focus, lib);
        self.links
            .refresh(&self.query_text(), &self.story, lib, &self.heard);
    }

    /// The text field with focus.
    pub fn focused(&mut self) -> &mut TextField {
        match self.field {
            Field::Title => &mut self.title,
            Field::Section(s) => &mut self.sections[s.index()],
            Field::Cue => &mut self.cue,
            Field::Tags => &mut self.tags,
            Field::Questions => &mut self.query,
        }
    }

    pub fn tags_text(&self) -> String {
        self.tags.text()
    }

    pub fn query_text(&self) -> String {
        self.query.text()
    }

    /// True when every field is empty: a new story like this is not worth a file.
    pub fn is_blank(&self) -> bool {
        let s = &self.story;
        s.title.trim().is_empty()
            && s.cue.trim().is_empty()
            && Section::ALL.iter().all(|&x| s.text(x).trim().is_empty())
            && s.tags.is_empty()
            && s.questions.is_empty()
    }

    /// Moves focus, refreshing the question list so links made earlier are at the top, and the tag
    /// suggestions so the skills the story's words now suggest come first.
    pub fn focus(&mut self, field: Field, lib: &Library) {
        self.field = field;
        match field {
            Field::Questions => {
                self.links
                    .refresh(&self.query_text(), &self.story, lib, &self.heard)
            }
            Field::Tags => {
                let text = self.tags_text();
                self.suggestions
                    .refresh(&text, &self.story.tags, lib, &self.heard);
            }
            _ => {}
        }
        self.refresh_marks();
    }

    /// Moves to the tags, after the last one with room for another, and highlights competency `id`
    /// among the suggestions, so Enter adds it: how a story opens when the plan says to tag it.
    pub fn offer_tag(&mut self, id: &Id, lib: &Library) {
        let text = self.tags_text();
        let t = self.tags.area_mut();
        t.move_cursor(CursorMove::Bottom);
        t.move_cursor(CursorMove::End);
        if !text.trim().is_empty() && !text.trim_end().ends_with(',') {
            // Adds no tag: the story's tags are unchanged until one is picked.
            t.insert_str(", ");
        }
        self.focus(Field::Tags, lib);
        self.suggestions.choose(id, lib);
    }

    /// Types a key into the focused field. Returns true if the story's text changed.
    pub fn key(&mut self, key: KeyEvent, now: DateTime<Utc>, lib: &Library, cx: &Coach) -> bool {
        let typed = self.focused().key(key);
        let changed = self.after_edit(typed, now, lib, cx);
        if !changed {
            // A moved cursor may be on another marked phrase (an edit has redrawn the marks).
            self.refresh_marks();
        }
        changed
    }

    /// Pastes text into the focused field: control characters removed, newlines kept only where a
    /// field has several lines.
    pub fn paste(&mut self, text: &str, now: DateTime<Utc>, lib: &Library, cx: &Coach) -> bool {
        let changed = self.focused().paste(text);
        self.after_edit(changed, now, lib, cx)
    }

    pub fn undo(&mut self, now: DateTime<Utc>, lib: &Library, cx: &Coach) -> bool {
        let changed = self.focused().area_mut().undo();
        self.after_edit(changed, now, lib, cx)
    }

    pub fn redo(&mut self, now: DateTime<Utc>, lib: &Library, cx: &Coach) -> bool {
        let changed = self.focused().area_mut().redo();
        self.after_edit(changed, now, lib, cx)
    }

    /// Replaces the tag being typed with the highlighted suggestion. Returns the competency's id
    /// and name if it did.
    pub fn accept_suggestion<'l>(
        &mut self,
        now: DateTime<Utc>,
        lib: &'l Library,
        cx: &Coach,
    ) -> Option<(&'l str, &'l str)> {
        let c = self
            .suggestions
            .chosen(lib)
            .and_then(|id| lib.competencies.iter().find(|c| c.id.as_str() == id))?;
        let id = c.id.as_str();
        let text = self.tags_text();
        let (kept, partial) = match text.rfind(',') {
            // After a whole skill with no comma yet, the new tag follows it.
            _ if self.suggestions.after_whole => (text.as_str(), ""),
            Some(i) => (&text[..=i], &text[i + 1..]),
            None => ("", text.as_str()),
        };
        let lead = match (kept.is_empty(), self.suggestions.after_whole) {
            (true, _) => "",
            (false, true) => ", ",
            (false, false) => " ",
        };
        // "teamwork adaptab": the words before the last stay a tag of their own, comma after.
        let head = match partial.trim().rsplit_once(char::is_whitespace) {
            Some((head, _)) if self.suggestions.spaced => format!("{}, ", head.trim()),
            _ => String::new(),
        };
        let n = partial.chars().count();
        let t = self.tags.area_mut();
        t.move_cursor(CursorMove::Bottom);
        t.move_cursor(CursorMove::End);
        for _ in 0..n {
            t.move_cursor(CursorMove::Back);
        }
        t.delete_str(n);
        t.insert_str(format!("{lead}{head}{id}, "));
        self.after_edit(true, now, lib, cx);
        Some((id, c.name.as_str()))
    }

    /// Links or unlinks the highlighted question. Returns whether it is linked now, and its text.
    pub fn toggle_link(&mut self, now: DateTime<Utc>, lib: &Library) -> Option<(bool, String)> {
        let at = self.links.current()?;
        let q = lib.questions.get(at)?;
        let linked = match self.story.questions.iter().position(|x| *x == q.id) {
            Some(i) => {
                self.story.questions.remove(i);
                false
            }
            None => {
                self.story.questions.push(q.id.clone());
                true
            }
        };
        self.mark(now);
        // Linked questions list first: the highlight follows the question to its new place, so a
        // second Enter unlinks it rather than linking whatever moved under the cursor.
        self.links
            .refresh(&self.query_text(), &self.story, lib, &self.heard);
        if let Some(k) = self.links.items.iter().position(|&i| i == at) {
            self.links.pick = k;
        }
        Some((linked, q.text.clone()))
    }

    /// Copies the focused field back into the story and marks it unsaved, if it changed.
    pub(super) fn after_edit(
        &mut self,
        changed: bool,
        now: DateTime<Utc>,
        lib: &Library,
        cx: &Coach,
    ) -> bool {
        match self.field {
            Field::Questions => {
                // The search box is not part of the story; only the list it filters changes.
                self.links
                    .refresh(&self.query_text(), &self.story, lib, &self.heard);
                return false;
            }
            Field::Tags => {
                let tags = parse_tags(&self.tags_text(), lib);
                self.suggestions
                    .refresh(&self.tags_text(), &tags, lib, &self.heard);
                if !changed || tags == self.story.tags {
                    return false;
                }
                self.story.tags = tags;
            }
            Field::Cue => {
                let cue = self.cue.text();
                if !changed || cue == self.story.cue {
                    return false;
                }
                self.story.cue = cue;
            }
            Field::Title => {
                let title = self.title.text();
                if !changed || title == self.story.title {
                    return false;
                }
                self.story.title = title;
                self.heard = cx.skills.heard(&self.story);
            }
            Field::Section(s) => {
                let text = self.sections[s.index()].text();
                if !changed || text == self.story.text(s) {
                    return false;
                }
                // Only this section is scanned again: a key in a long Action costs one scan.
                self.analysis.rescan(s, &text, cx);
                *self.story.text_mut(s) = text;
                self.heard = cx.skills.heard(&self.story);
                self.refresh_marks();
            }
        }
        self.mark(now);
        true
    }

    fn mark(&mut self, now: DateTime<Utc>) {
        // Kept where the panic hook can reach it, so a crash before the next save loses nothing.
        let s = &self.story;
        crate::storage::recovery::remember(
            &s.title,
            &format!(
                "{}\n\nSituation\n{}\n\nTask\n{}\n\nAction\n{}\n\nResult\n{}\n\nCue: {}\nTags: {}\n",
                s.title,
                s.situation,
                s.task,
                s.action,
                s.result,
                s.cue,
                s.tags.join(", ")
            ),
        );
        if self.dirty_since.is_none() {
            self.dirty_since = Some(now);
            self.due = Some(now + AUTOSAVE_DELAY);
        }
    }

    /// True when there are changes that are not on disk.
    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some()
    }

    /// True when autosave should write now.
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.is_dirty() && self.due.is_some_and(|d| now >= d)
    }
}

/// The tags typed in the tags field: comma-separated, trimmed, without empties or repeats. An
/// entry whose every word is a skill's id ("problem-solving empathy communication", typed with
/// spaces where commas go) is those skills, each a tag, so none is lost to Coverage; any other
/// words stay one tag of the user's own.
pub fn parse_tags(text: &str, lib: &Library) -> Vec<String> {
    let is_skill = |w: &str| {
        lib.competencies
            .iter()
            .any(|c| c.id.as_str() == w.to_lowercase())
    };
    let mut out: Vec<String> = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let words: Vec<&str> = t.split_whitespace().collect();
        let parts = if words.len() > 1 && words.iter().all(|w| is_skill(w)) {
            words
        } else {
            vec![t]
        };
        for p in parts {
            if !out.iter().any(|o| o == p) {
                out.push(p.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_split_on_commas_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(
                " teamwork, patient-care,,teamwork , safety, ",
                &Library::builtin()
            ),
            ["teamwork", "patient-care", "safety"]
        );
        assert!(parse_tags(" , ", &Library::builtin()).is_empty());
        let lib = Library::builtin();
        assert_eq!(
            parse_tags("problem-solving empathy communication", &lib),
            ["problem-solving", "empathy", "communication"],
            "skills typed with spaces are each a tag"
        );
        assert_eq!(
            parse_tags("calm with families, Patient care", &lib),
            ["calm with families", "Patient care"],
            "a tag of one's own words, and a skill's name, stay whole"
        );
    }
}
