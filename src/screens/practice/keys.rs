//! The Practice screen's keymap tables: setup, answering, rating and the round summary.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

/// Choosing the round: role, length and target time.
pub(super) static SETUP_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "start the round",
        Action::Select,
        Some("start"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "previous setting",
        Action::Up,
        Some("setting"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next setting",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Left), ch('h')],
        "←/→",
        "previous choice for this setting",
        Action::Left,
        Some("change"),
    ),
    bind(
        &[code(KeyCode::Right), ch('l')],
        "→/l",
        "next choice for this setting",
        Action::Right,
        None,
    ),
];

pub(super) static ANSWER_KEYS: &[Binding] = &[
    bind(
        &[ch(' ')],
        "Space",
        "end the answer and rate it",
        Action::EndAnswer,
        Some("done answering"),
    )
    .writes(),
    bind(
        &[ch('h')],
        "h",
        "show or hide your story outline and coaching notes",
        Action::ToggleHint,
        Some("hints"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "end the round now (answers so far are kept)",
        Action::Back,
        Some("end round"),
    ),
];

pub(super) static RATE_KEYS: &[Binding] = &[
    bind(
        &[ch('1')],
        "1–4",
        "tick or untick box 1: clear structure",
        Action::ToggleNth(1),
        Some("tick"),
    ),
    bind(
        &[ch('2')],
        "2",
        "tick or untick box 2: said \"I\"",
        Action::ToggleNth(2),
        None,
    ),
    bind(
        &[ch('3')],
        "3",
        "tick or untick box 3: measurable result",
        Action::ToggleNth(3),
        None,
    ),
    bind(
        &[ch('4')],
        "4",
        "tick or untick box 4: within time",
        Action::ToggleNth(4),
        None,
    ),
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "previous box",
        Action::Up,
        None,
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next box",
        Action::Down,
        None,
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick or untick the selected box",
        Action::Toggle,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "save the rating and go on",
        Action::Select,
        Some("save"),
    )
    .writes(),
];

pub(super) static SUMMARY_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "set up another round",
        Action::Select,
        Some("new round"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to the round setup",
        Action::Back,
        None,
    ),
];
