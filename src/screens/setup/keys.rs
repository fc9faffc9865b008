//! The set-up's keymap tables: the roles list, the one-choice lists, text steps and the review.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

const UP: Binding = bind(
    &[code(KeyCode::Up), ch('k')],
    "↑/↓",
    "move in the list",
    Action::Up,
    Some("move"),
);
const DOWN: Binding = bind(
    &[code(KeyCode::Down), ch('j')],
    "↓/j",
    "move down",
    Action::Down,
    None,
);
const TOP: Binding = bind(
    &[code(KeyCode::Home)],
    "Home",
    "go to the first line",
    Action::Top,
    None,
);
const BOTTOM: Binding = bind(
    &[code(KeyCode::End)],
    "End",
    "go to the last line",
    Action::Bottom,
    None,
);
const BACK: Binding = bind(
    &[code(KeyCode::BackTab), code(KeyCode::Left)],
    "Shift-Tab",
    "back one step",
    Action::PrevStep,
    Some("back"),
);
const CLOSE: Binding = bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "save what you entered and close",
    Action::Back,
    Some("finish later"),
)
.writes();

// In each list, the keys that move on or leave come first: a narrow footer keeps the first that
// fit, and "Esc finish later" is how a newcomer knows every step can be skipped.
pub(super) static ROLES: &[Binding] = &[
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "tick or untick a role (pick one or more)",
        Action::Toggle,
        Some("tick"),
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "next step (nothing ticked: takes the highlighted)",
        Action::Select,
        Some("next"),
    ),
    CLOSE,
    UP,
    DOWN,
    TOP,
    BOTTOM,
];

pub(super) static CHOOSE: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "choose the highlighted line and go on",
        Action::Select,
        Some("choose"),
    ),
    CLOSE,
    // Space ticks a role on the first step; here it marks the one choice, so the habit works.
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "mark the highlighted line (Enter goes on)",
        Action::Toggle,
        None,
    ),
    UP,
    DOWN,
    TOP,
    BOTTOM,
    BACK,
    bind(
        &[code(KeyCode::Right)],
        "→",
        "skip this step, keeping what was chosen",
        Action::Right,
        None,
    ),
];

pub(super) static TEXT: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "next step (leave it empty to skip)",
        Action::Select,
        Some("next"),
    ),
    CLOSE,
    bind(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "back one step",
        Action::PrevStep,
        Some("back"),
    ),
];

pub(super) static REVIEW: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "save your profile",
        Action::Select,
        Some("save"),
    )
    .writes(),
    CLOSE,
    BACK,
];
