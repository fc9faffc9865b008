//! The role-fit guide's keymap tables: a question, and the result.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

pub(super) static QUESTION: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "move between the answers",
        Action::Up,
        Some("move"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next answer",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "choose this answer and go on",
        Action::Select,
        Some("choose"),
    ),
    bind(
        &[code(KeyCode::BackTab), code(KeyCode::Left)],
        "Shift-Tab",
        "back to the last question",
        Action::PrevStep,
        Some("back"),
    ),
    bind(
        &[code(KeyCode::Right)],
        "→",
        "skip this question",
        Action::Right,
        Some("skip"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "close; your answers so far are kept",
        Action::Back,
        Some("close"),
    ),
];

pub(super) static RESULT: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter), ch('y')],
        "Enter",
        "make the best fit the job you prepare for",
        Action::AcceptRole,
        Some("take best fit"),
    )
    .writes(),
    bind(
        &[ch('r')],
        "r",
        "answer the questions again",
        Action::Restart,
        Some("again"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "close",
        Action::Back,
        Some("close"),
    ),
];
