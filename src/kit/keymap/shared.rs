//! The binding tables no one screen owns: everywhere, panels, lists, scrolling, help, typing.

use super::{Binding, bind, ch, code, ctrl};
use crate::kit::Tab;
use crate::kit::action::Action;
use crossterm::event::KeyCode;

/// Keys that work on every screen whenever no text field has focus.
pub static GLOBAL: &[Binding] = &[
    bind(
        &[code(KeyCode::Tab)],
        "Tab",
        "next screen",
        Action::NextTab,
        Some("screens"),
    ),
    bind(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "previous screen",
        Action::PrevTab,
        None,
    ),
    bind(
        &[ch('?'), code(KeyCode::F(1))],
        "?",
        "help: every key that works here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ch('q'), ctrl('c')],
        "q",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "suspend; `fg` in the shell returns",
        Action::Suspend,
        None,
    ),
    bind(
        &[ch('m')],
        "m",
        "your role or every role (named at top right)",
        Action::ToggleAllRoles,
        None,
    ),
];

/// Keys that work while the set-up or the role-fit guide is open over the screens.
pub static PANEL: &[Binding] = &[
    bind(
        &[ch('?'), code(KeyCode::F(1))],
        "?",
        "help: every key here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ch('q'), ctrl('c')],
        "q",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
    bind(
        &[ctrl('t')],
        "Ctrl-T",
        "suspend; `fg` in the shell returns",
        Action::Suspend,
        None,
    ),
];

/// Moving in lists and text.
pub static NAV: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/k",
        "move up",
        Action::Up,
        Some("up"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "move down",
        Action::Down,
        Some("down"),
    ),
    bind(
        &[code(KeyCode::PageUp), ctrl('u')],
        "PgUp",
        "page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown), ctrl('d'), ch(' ')],
        "PgDn/Space",
        "page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "go to the top",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "go to the end",
        Action::Bottom,
        None,
    ),
];

/// PgUp alone, where Space means something else in the list.
pub const PAGE_UP: Binding = bind(
    &[code(KeyCode::PageUp)],
    "PgUp",
    "page up",
    Action::PageUp,
    None,
);

/// PgDn alone, where Space ticks or picks in the list.
pub const PAGE_DOWN: Binding = bind(
    &[code(KeyCode::PageDown)],
    "PgDn",
    "page down",
    Action::PageDown,
    None,
);

/// Ctrl-S in a box that also saves by itself (the introduction, the interview notes).
pub const SAVE_NOW: Binding = bind(
    &[ctrl('s')],
    "Ctrl-S",
    "save now (it also saves by itself)",
    Action::Save,
    Some("save"),
)
.writes();

/// Undo in a text box, a word or a paste at a time; Ctrl-U as the editor widget has it.
pub const UNDO_TYPING: Binding = bind(
    &[ctrl('z'), ctrl('u')],
    "Ctrl-Z",
    "undo typing in this field",
    Action::UndoTyping,
    None,
);

/// Redo in a text box; Ctrl-R as the editor widget has it.
pub const REDO_TYPING: Binding = bind(
    &[ctrl('y'), ctrl('r')],
    "Ctrl-Y",
    "redo",
    Action::RedoTyping,
    None,
);

/// Scrolling a page of text that has nothing to choose in it: hints, an analysis, a result.
pub static SCROLL: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "scroll",
        Action::Up,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        None,
    ),
    PAGE_UP,
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn/Space",
        "page down",
        Action::PageDown,
        None,
    ),
];

/// Keys inside the help overlay. `q` closes help rather than quitting: a user who opened help from
/// the story editor with F1 expects `q` to take them back to their text.
pub static HELP: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc), ch('q'), ch('?'), code(KeyCode::F(1))],
        "Esc/q",
        "close help",
        Action::ToggleHelp,
        Some("close help"),
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "scroll up",
        Action::Up,
        Some("scroll"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "scroll down",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "scroll a page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown), ch(' ')],
        "PgDn",
        "scroll a page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[ctrl('c')],
        "Ctrl-C",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
];

/// While the window is too small to draw the screens: nobody should change what they cannot see,
/// so only quitting works, as the message on screen says.
pub static TOO_SMALL: &[Binding] = &[bind(
    &[ch('q'), ctrl('c')],
    "q",
    "quit (saves first)",
    Action::Quit,
    Some("quit"),
)];

/// [`TOO_SMALL`] while a text field has focus: there q is a letter ("que", "quiero"), so only Ctrl-C
/// quits, and the letters typed blind still go into the text.
pub static TOO_SMALL_TYPING: &[Binding] = &[bind(
    &[ctrl('c')],
    "Ctrl-C",
    "quit (saves first)",
    Action::Quit,
    Some("quit"),
)];

/// While the app asks whether to quit although a story could not be saved.
pub static CONFIRM_QUIT: &[Binding] = &[
    bind(
        &[ch('y')],
        "y",
        "quit anyway (a copy of the text goes to a temporary file)",
        Action::Quit,
        Some("quit anyway"),
    ),
    bind(
        &[ch('n'), code(KeyCode::Esc)],
        "n/Esc",
        "stay, keep the text and keep trying to save",
        Action::Back,
        Some("stay"),
    ),
];

/// Esc on a screen that does not use it (see `App::keymap_beneath`).
pub static ESC_HOME: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "back to Home",
    Action::GoTo(Tab::Home),
    None,
)];

/// While the app asks whether to quit in the middle of a mock interview.
pub static CONFIRM_LEAVE_ROUND: &[Binding] = &[
    bind(
        &[ch('y'), ch('q')],
        "y",
        "quit: your answers so far are kept",
        Action::Quit,
        Some("quit"),
    ),
    bind(
        &[ch('n'), code(KeyCode::Esc)],
        "n/Esc",
        "stay in the interview",
        Action::Back,
        Some("stay"),
    ),
];

/// While typing in a text field, only these keys are taken from the text.
pub static TEXT_FIELD: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "done: leave the field",
        Action::Back,
        Some("done"),
    ),
    bind(
        &[code(KeyCode::F(1))],
        "F1",
        "help: every key that works here",
        Action::ToggleHelp,
        Some("help"),
    ),
    bind(
        &[ctrl('c')],
        "Ctrl-C",
        "quit (saves first)",
        Action::Quit,
        Some("quit"),
    ),
];
