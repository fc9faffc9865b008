//! The Sheet screen's keymap tables: the preview with its story list, and the introduction editor.

use crate::kit::keymap::{Binding, REDO_TYPING, SAVE_NOW, UNDO_TYPING, bind, ch, code, ctrl};
use crate::kit::{Action, Tab};
use crossterm::event::KeyCode;

pub(super) static KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "choose a story in the list",
        Action::Up,
        Some("story"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next story in the list",
        Action::Down,
        None,
    ),
    bind(
        &[ch('p')],
        "p",
        "pin the story to the sheet (or unpin it)",
        Action::PinToSheet,
        Some("pin"),
    )
    .writes(),
    bind(
        &[ch('d')],
        "d",
        "leave the story off the sheet (or let it back)",
        Action::DropFromSheet,
        Some("drop"),
    )
    .writes(),
    bind(
        &[ch('i')],
        "i",
        "write your 30-second introduction",
        Action::EditIntro,
        Some("intro"),
    )
    .writes(),
    bind(
        &[ch('w')],
        "w",
        "write sheet.html to print",
        Action::WriteSheet,
        Some("write"),
    )
    .writes(),
    bind(
        &[ch('o')],
        "o",
        "write it and open it in your web browser",
        Action::OpenSheet,
        Some("open"),
    )
    .writes(),
    bind(
        &[ch('m')],
        "m",
        "write sheet.md (Markdown) instead",
        Action::WriteSheetMarkdown,
        None,
    )
    .writes(),
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn/Space",
        "scroll the preview down",
        Action::PageDown,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "scroll the preview up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "top of the preview",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "end of the preview",
        Action::Bottom,
        None,
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to Home",
        Action::GoTo(Tab::Home),
        Some("back"),
    ),
];

/// While the introduction is open; the app adds Esc (done) and Ctrl-C, and the rest is typed.
pub(super) static INTRO_KEYS: &[Binding] = &[SAVE_NOW, UNDO_TYPING, REDO_TYPING];

/// While the introduction is still empty: a first draft to make one's own.
pub(super) static STARTER_KEYS: &[Binding] = &[bind(
    &[ctrl('a')],
    "Ctrl-A",
    "put in a starter built from your profile, with blanks in [brackets] to fill in",
    Action::AcceptRewrite,
    Some("starter"),
)
.writes()];

/// Once the introduction has words: Ctrl-A says the starter is for an empty one, rather than
/// moving the cursor to the line's start as the editor would.
pub(super) static STARTER_LATER_KEYS: &[Binding] = &[bind(
    &[ctrl('a')],
    "Ctrl-A",
    "the starter: only into an empty introduction",
    Action::AcceptRewrite,
    None,
)];

/// While the introduction holds a [blank]: each is filled by typing over it.
pub(super) static BLANK_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Tab)],
        "Tab",
        "select the next [blank]: what you type replaces it",
        Action::NextField,
        Some("next blank"),
    ),
    bind(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "select the [blank] before",
        Action::PrevField,
        None,
    ),
];
