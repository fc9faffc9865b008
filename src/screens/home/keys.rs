//! The Home screen's keymap tables: the two lists, an item read in full, and the date field.

use crate::kit::keymap::{Binding, SAVE_NOW, bind, ch, code};
use crate::kit::{Action, Tab};
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
        None,
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
        &[ch('s')],
        "s",
        "start today's next step (cards, story or practice)",
        Action::StartNext,
        Some("start"),
    ),
    bind(
        &[ch('p')],
        "p",
        "your profile: role, date, setting, background, name",
        Action::EditProfile,
        Some("profile"),
    )
    .writes(),
    bind(
        &[ch('i')],
        "i",
        "set your interview date and time",
        Action::SetInterviewDate,
        None,
    )
    .writes(),
    bind(
        &[ch('o')],
        "o",
        "your one-page sheet to print and bring",
        Action::GoTo(Tab::Sheet),
        None,
    ),
    bind(
        &[ch('n')],
        "n",
        "notes on how your interview went",
        Action::NoteInterview,
        None,
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
    bind(
        &[ch('o')],
        "o",
        "your one-page sheet to print and bring",
        Action::GoTo(Tab::Sheet),
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

pub(super) static DEBRIEF_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "close (your notes are saved)",
        Action::Back,
        Some("close"),
    ),
    SAVE_NOW,
];
