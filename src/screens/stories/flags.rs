//! The phrasing coach in the editor: marks in the focused part, moving between marked phrases, and
//! accepting a rewrite as one undo step.

use super::editor::{Editor, Field};
use crate::domain::content::Library;
use crate::domain::stories::{Coach, Flag, Section};
use chrono::{DateTime, Utc};
use ratatui::style::{Modifier, Style};

/// What accepting a rewrite did, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub was: String,
    /// `""` when the phrase was deleted.
    pub now: String,
}

impl Editor {
    /// The marked phrase at the cursor in the focused part of the story, if any.
    /// True when the cursor is on a phrase the coach marked, with or without a rewrite.
    pub fn on_mark(&self) -> bool {
        self.current_flag().is_some()
    }

    pub fn current_flag(&self) -> Option<(Section, &Flag)> {
        let Field::Section(s) = self.field else {
            return None;
        };
        let at = self.sections[s.index()].cursor_offset();
        self.analysis
            .flags(s)
            .iter()
            .find(|f| f.start <= at && at <= f.end)
            .map(|f| (s, f))
    }

    /// Draws the focused part's marked phrases in its text field, the one at the cursor stronger.
    pub fn refresh_marks(&mut self) {
        let mark = self.theme.warn.add_modifier(Modifier::UNDERLINED);
        let here = mark.add_modifier(Modifier::REVERSED);
        let current = self.current_flag().map(|(s, f)| (s, f.start));
        if current != self.choice.1 {
            self.choice = (0, current);
        }
        for s in Section::ALL {
            let focused = self.field == Field::Section(s);
            let marks: Vec<(usize, usize, Style)> = if focused {
                self.analysis
                    .flags(s)
                    .iter()
                    .map(|f| {
                        let style = if current == Some((s, f.start)) {
                            here
                        } else {
                            mark
                        };
                        (f.start, f.end, style)
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let field = &mut self.sections[s.index()];
            if !(marks.is_empty() && field.area().highlights().is_empty()) {
                field.set_marks(&marks);
            }
        }
    }

    /// Every marked phrase in story order, as (part, flag index).
    fn all_flags(&self) -> Vec<(Section, usize)> {
        Section::ALL
            .into_iter()
            .flat_map(|s| (0..self.analysis.flags(s).len()).map(move |i| (s, i)))
            .collect()
    }

    /// Moves the cursor to the next (or previous) marked phrase, into another part of the story if
    /// need be, going round at the ends. Returns the phrase's number and how many there are.
    pub fn step_flag(&mut self, forward: bool, lib: &Library) -> Option<(usize, usize)> {
        let all = self.all_flags();
        if all.is_empty() {
            return None;
        }
        let start = |&(s, i): &(Section, usize)| (s.index(), self.analysis.flags(s)[i].start);
        let here = match self.field {
            Field::Section(s) => Some((s.index(), self.sections[s.index()].cursor_offset())),
            // From the title, the next phrase is the first; from the fields after the story, the last.
            Field::Title => None,
            _ => Some((usize::MAX, 0)),
        };
        let current = self.current_flag().map(|(s, f)| (s.index(), f.start));
        // A mark at the cursor is the next one unless Ctrl-N just went to it: after a rewrite
        // deleted "kind of", the "just" now at the cursor was skipped (a user walk).
        let stepped = self.stepped;
        let pick = if forward {
            all.iter()
                .position(|f| {
                    here.is_none_or(|h| start(f) > h || (start(f) == h && stepped != Some(h)))
                })
                .unwrap_or(0)
        } else {
            let before = |f: &(Section, usize)| match (current, here) {
                (Some(c), _) => start(f) < c,
                (None, Some(h)) => start(f) < h,
                (None, None) => false,
            };
            all.iter().rposition(before).unwrap_or(all.len() - 1)
        };
        let (s, i) = all[pick];
        let at = self.analysis.flags(s)[i].start;
        self.stepped = Some((s.index(), at));
        self.focus(Field::Section(s), lib);
        self.sections[s.index()].set_cursor_offset(at);
        self.refresh_marks();
        Some((pick + 1, all.len()))
    }

    /// The rewrites offered for the phrase at the cursor, filled in (`""` deletes it).
    pub fn rewrites(&self, cx: &Coach) -> Vec<String> {
        match self.current_flag() {
            Some((s, f)) => cx.suggestions(self.story.text(s), f),
            None => Vec::new(),
        }
    }

    /// Offers the next rewrite of the phrase at the cursor. Returns false if it has no other.
    pub fn other_rewrite(&mut self, cx: &Coach) -> bool {
        let n = self.rewrites(cx).len();
        if n < 2 {
            return false;
        }
        self.choice.0 = (self.choice.0 + 1) % n;
        true
    }

    /// Makes the offered rewrite of the phrase at the cursor: one edit, undone with one Ctrl-Z.
    pub fn accept_rewrite(
        &mut self,
        now: DateTime<Utc>,
        lib: &Library,
        cx: &Coach,
    ) -> Option<Accepted> {
        let (s, flag) = self.current_flag()?;
        let text = self.story.text(s);
        let choice = self.choice.0;
        let now_text = cx.suggestions(text, flag).into_iter().nth(choice)?;
        let edit = cx.rewrite(text, flag, choice)?;
        let was = text[flag.start..flag.end].to_string();
        let changed = self.sections[s.index()].replace(edit.start, edit.end, &edit.text);
        self.stepped = None;
        self.after_edit(changed, now, lib, cx);
        self.refresh_marks();
        changed.then_some(Accepted { was, now: now_text })
    }
}
