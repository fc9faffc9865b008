//! The story editor's key tables: each field's, the coaching marks', and a text field's own.

use crate::kit::Action;
use crate::kit::keymap::{
    Binding, PAGE_DOWN, PAGE_UP, REDO_TYPING, UNDO_TYPING, bind, code, ctrl, ctrl_code, shift,
    typed,
};
use crossterm::event::KeyCode;

/// Keys in every field of the editor; everything else is typed into the field.
/// F2 in the editor: the coaching whole, for a window too small to show it beside the text.
pub static ALL_COACHING: &[Binding] = &[bind(
    &[code(KeyCode::F(2))],
    "F2",
    "all the coaching, whole, to scroll",
    Action::AllCoaching,
    Some("all coaching"),
)];

/// While the coaching is shown whole (F2): scrolling, and back to the form. Typing waits.
pub static COACHING_WHOLE: &[Binding] = &[
    bind(
        &[code(KeyCode::Up)],
        "↑/↓",
        "scroll",
        Action::Up,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "scroll down",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp/PgDn",
        "scroll a page",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "scroll a page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[code(KeyCode::F(2)), code(KeyCode::Esc)],
        "F2/Esc",
        "back to the story",
        Action::Back,
        Some("back to the story"),
    ),
];

pub static EDITOR: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "save and go back to the list",
        Action::Back,
        Some("list"),
    ),
    bind(
        &[code(KeyCode::Tab)],
        "Tab",
        "next field",
        Action::NextField,
        Some("next field"),
    ),
    bind(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "previous field",
        Action::PrevField,
        None,
    ),
    bind(
        &[ctrl('s')],
        "Ctrl-S",
        "save now",
        Action::Save,
        Some("save"),
    )
    .writes(),
    UNDO_TYPING,
    REDO_TYPING,
    bind(
        &[code(KeyCode::F(1))],
        "F1",
        "help: every key here",
        Action::ToggleHelp,
        Some("help"),
    ),
];

/// Moving between the phrases the coach marked, in any field of the editor.
pub static PHRASING: &[Binding] = &[
    bind(
        &[ctrl('n')],
        "Ctrl-N",
        "next marked phrase (the coaching says why)",
        Action::NextFlag,
        Some("next mark"),
    ),
    bind(
        &[ctrl('p')],
        "Ctrl-P",
        "previous marked phrase",
        Action::PrevFlag,
        None,
    ),
];

/// Ctrl-O, whether or not the phrase has another rewrite (it says so when it has none).
const OTHER_REWRITE: Binding = bind(
    &[ctrl('o')],
    "Ctrl-O",
    "show another rewrite",
    Action::OtherRewrite,
    None,
);

/// While the cursor is on a marked phrase that has a rewrite.
pub static REWRITE: &[Binding] = &[
    bind(
        &[ctrl('a')],
        "Ctrl-A",
        "accept the rewrite the coaching shows (Ctrl-Z undoes it)",
        Action::AcceptRewrite,
        Some("accept rewrite"),
    )
    .writes(),
    OTHER_REWRITE,
];

/// Ctrl-A and Ctrl-O when there is no rewrite to offer: still the coach's keys, so they say so
/// rather than fall through to the text box (where Ctrl-A moves the cursor out of sight).
pub static NO_REWRITE: &[Binding] = &[
    bind(
        &[ctrl('a')],
        "Ctrl-A",
        "accept a rewrite (when the marked phrase has one)",
        Action::AcceptRewrite,
        None,
    ),
    OTHER_REWRITE,
];

/// Keys the text field handles itself, listed for the help overlay only: they are typed into the
/// field like any other unbound key (a binding above that takes one wins, and help then drops it).
pub static TYPING: &[Binding] = &[
    typed(
        &[ctrl_code(KeyCode::Left), ctrl_code(KeyCode::Right)],
        "move by word",
    ),
    typed(
        &[code(KeyCode::Home), code(KeyCode::End)],
        "start / end of the line",
    ),
    typed(&[code(KeyCode::Enter)], "new line (Situation to Result)"),
    typed(&[ctrl('w')], "delete the word before the cursor"),
    typed(
        &[
            shift(KeyCode::Left),
            shift(KeyCode::Right),
            shift(KeyCode::Up),
            shift(KeyCode::Down),
        ],
        "select text",
    ),
    typed(&[ctrl('x')], "cut the selected text"),
    bind(
        &[],
        "paste",
        "your terminal's paste works in any field",
        Action::Paste(String::new()),
        None,
    ),
];

pub static TITLE: &[Binding] = &[bind(
    &[code(KeyCode::Enter)],
    "Enter",
    "go to the Situation",
    Action::NextField,
    None,
)];

pub static CUE: &[Binding] = &[bind(
    &[code(KeyCode::Enter)],
    "Enter",
    "back to the Title",
    Action::NextField,
    None,
)];

pub static TAGS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "add the highlighted skill (or go on)",
        Action::Select,
        Some("add"),
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "next suggestion",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Up)],
        "↑",
        "previous suggestion",
        Action::Up,
        None,
    ),
];

pub static QUESTIONS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "link or unlink the highlighted question",
        Action::Select,
        Some("link"),
    ),
    bind(
        &[code(KeyCode::Up)],
        "↑",
        "previous question",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "next question",
        Action::Down,
        None,
    ),
    PAGE_UP,
    PAGE_DOWN,
];
