//! The Home screen's keymap tables: the two lists, an item read in full, and the date field.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

pub(super) static KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "move up in the list",
        Action::Up,
        Some("move"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "move down in the list",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Left), ch('h'), code(KeyCode::Right), ch('l')],
        "←/→",
        "switch between the checklist and the questions to ask",
        Action::Left,
        Some("list"),
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick the step / star the question",
        Action::Toggle,
        Some("tick/star"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "read the whole item",
        Action::Select,
        None,
    ),
    bind(
        &[ch('i')],
        "i",
        "set your interview date",
        Action::SetInterviewDate,
        Some("date"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "first item",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "last item",
        Action::Bottom,
        None,
    ),
];

pub(super) static DETAIL_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc), code(KeyCode::Enter)],
        "Esc",
        "close",
        Action::Back,
        Some("close"),
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick the step / star the question",
        Action::Toggle,
        Some("tick/star"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "previous item",
        Action::Up,
        Some("item"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next item",
        Action::Down,
        None,
    ),
];

pub(super) static DATE_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "save the date (empty clears it)",
        Action::Select,
        Some("save"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "cancel: keep the date as it was",
        Action::Back,
        Some("cancel"),
    ),
];
