//! The Stories screen's list, filter and coverage keys, and which tables each view puts in force.

use super::editor_keys;
use super::{Field, Stories, View};
use crate::kit::keymap::{Binding, PAGE_UP, bind, ch, code};
use crate::kit::{Action, Group, Typing};
use crossterm::event::KeyCode;

impl Stories {
    /// Typing goes to a field while the editor or the filter box is open; only the editor's is saved.
    pub(super) fn typing(&self) -> Option<Typing> {
        match self.view {
            View::Edit => Some(Typing::Saved),
            View::List if self.filtering => Some(Typing::Search),
            _ => None,
        }
    }

    pub(super) fn groups(&self) -> Vec<Group> {
        let g = |title, bindings| Group { title, bindings };
        match self.view {
            View::List if self.filtering => vec![g("Filter", FILTER)],
            View::List => {
                let undo = if self.deleted.is_empty() {
                    UNDO_NOTHING
                } else {
                    UNDO_DELETE
                };
                let selected = if self.listed == 0 {
                    NONE_SELECTED
                } else {
                    SELECTED
                };
                let mut groups = vec![
                    g("Stories", LIST_NEW),
                    g("The selected story", selected),
                    g("The list", LIST),
                    g("Undo", undo),
                    g("Moving", LIST_NAV),
                ];
                if !self.filter.text().is_empty() {
                    groups.push(g("Filter", CLEAR_FILTER));
                }
                groups
            }
            View::Coverage => vec![g("Coverage", COVERAGE)],
            View::Edit if self.editor.as_ref().is_some_and(|e| e.coaching.is_some()) => {
                vec![g("All the coaching", editor_keys::COACHING_WHOLE)]
            }
            View::Edit => {
                let field = self.editor.as_ref().map_or(Field::Title, |e| e.field);
                let mut groups = match field {
                    Field::Title => vec![g("Title", editor_keys::TITLE)],
                    Field::Cue => vec![g("Cue", editor_keys::CUE)],
                    Field::Tags => vec![g("Tags", editor_keys::TAGS)],
                    Field::Questions => vec![g("Linked questions", editor_keys::QUESTIONS)],
                    Field::Section(_) => vec![],
                };
                let rewrite = self
                    .editor
                    .as_ref()
                    .is_some_and(|e| !e.rewrites(&self.coach).is_empty());
                if rewrite {
                    groups.push(g("Marked phrase", editor_keys::REWRITE));
                } else {
                    groups.push(g("Marked phrase", editor_keys::NO_REWRITE));
                }
                groups.push(g("Editor", editor_keys::EDITOR));
                groups.push(g("Phrasing", editor_keys::PHRASING));
                // After the marks' keys: the footer keeps Ctrl-N; the hidden-lines note names F2.
                groups.push(g("Coaching", editor_keys::ALL_COACHING));
                groups.push(g("In a text field", editor_keys::TYPING));
                groups
            }
        }
    }
}

/// `n`, first in the footer whether or not there are stories.
pub static LIST_NEW: &[Binding] = &[bind(
    &[ch('n')],
    "n",
    "write a new story",
    Action::New,
    Some("new"),
)
.writes()];

/// The list's own keys, after those for the selected story.
pub static LIST: &[Binding] = &[
    bind(
        &[ch('/')],
        "/",
        "filter by words or tag",
        Action::Search,
        Some("filter"),
    ),
    bind(
        &[ch('s')],
        "s",
        "sort by last change or by title",
        Action::Sort,
        None,
    ),
    bind(
        &[ch('c')],
        "c",
        "coverage: which skills your stories show",
        Action::Coverage,
        Some("coverage"),
    ),
];

/// While a filter narrows the list; with none, Esc goes back to Home like on other screens.
pub static CLEAR_FILTER: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "clear the filter",
    Action::Back,
    None,
)];

/// Enter: opens the selected story in the editor.
const EDIT: Binding = bind(
    &[code(KeyCode::Enter)],
    "Enter",
    "edit the selected story",
    Action::Select,
    Some("edit"),
)
.writes();

/// `d`: moves the selected story to the trash.
const DELETE: Binding = bind(
    &[ch('d'), code(KeyCode::Delete)],
    "d",
    "delete the selected story (to the trash)",
    Action::Delete,
    Some("delete"),
)
.writes();

/// `u`: brings back the story deleted last.
const UNDO: Binding = bind(
    &[ch('u')],
    "u",
    "undo the last delete",
    Action::UndoDelete,
    Some("undo"),
)
.writes();

/// Enter and `d` while the list shows a story to act on.
pub static SELECTED: &[Binding] = &[EDIT, DELETE];

/// Enter and `d` while the list is empty: they say there is nothing to act on, and stay out of
/// the footer, which should offer only keys that do something.
pub static NONE_SELECTED: &[Binding] = &[EDIT.quiet(), DELETE.quiet()];

/// `u` while a delete can be undone: shown in the footer so the way back is in sight.
pub static UNDO_DELETE: &[Binding] = &[UNDO];

/// `u` when there is nothing to undo: it says so, and stays out of the footer.
pub static UNDO_NOTHING: &[Binding] = &[UNDO.quiet()];

/// Up and down in the list, without footer entries (the list's own keys need the room).
pub static LIST_NAV: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/k",
        "previous story",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next story",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "first story",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "last story",
        Action::Bottom,
        None,
    ),
];

pub static FILTER: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "keep this filter and go back to the list",
        Action::Select,
        Some("keep"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "clear the filter",
        Action::Back,
        Some("clear"),
    ),
    bind(
        &[code(KeyCode::Up)],
        "↑",
        "previous story",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "next story",
        Action::Down,
        None,
    ),
];

pub static COVERAGE: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc), ch('c')],
        "Esc",
        "back to the list",
        Action::Back,
        Some("back"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "choose the next gap (or scroll down)",
        Action::Down,
        Some("choose gap"),
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/k",
        "choose the previous gap (or scroll up)",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "write a new story for the chosen gap, or open the story whose words show that skill to tag it",
        Action::Select,
        Some("write story"),
    )
    .writes(),
    PAGE_UP,
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "page down",
        Action::PageDown,
        Some("scroll"),
    ),
];
