//! The Guides screen's keymap tables: reading a guide, searching, comparing, a question's coaching.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

/// On a guide opened from a search hit: Esc goes back to the results, as on Cards (a regression
/// walk's Esc went straight to Home). Closing the results forgets the hit, so the next Esc does.
pub static BACK_TO_RESULTS: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "back to the search results",
    Action::Search,
    Some("results"),
)];

pub static GUIDE_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Left), ch('h')],
        "←/→",
        "previous role",
        Action::Left,
        Some("role"),
    ),
    bind(
        &[code(KeyCode::Right), ch('l')],
        "→/l",
        "next role",
        Action::Right,
        None,
    ),
    bind(
        &[ch('[')],
        "[",
        "previous section",
        Action::PrevSection,
        None,
    ),
    bind(&[ch(']')], "]", "next section", Action::NextSection, None),
    bind(
        &[ch('/')],
        "/",
        "search guides and questions",
        Action::Search,
        Some("search"),
    ),
    bind(
        &[ch('c')],
        "c",
        "compare two roles",
        Action::Compare,
        Some("compare"),
    ),
    bind(
        &[ch('f')],
        "f",
        "which job fits me? questions, then ranked roles",
        Action::OpenFit,
        Some("fit me"),
    ),
];

pub static SEARCH_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "open the selected result",
        Action::Select,
        Some("open"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "close the search and go back to the guide",
        Action::Back,
        Some("close"),
    ),
    bind(
        &[code(KeyCode::Up)],
        "↑/↓",
        "previous result",
        Action::Up,
        Some("results"),
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "next result",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "page up in results",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "page down in results",
        Action::PageDown,
        None,
    ),
];

pub static COMPARE_KEYS: &[Binding] = &[
    bind(
        &[ch('a')],
        "a",
        "change the left role",
        Action::Left,
        Some("left role"),
    ),
    bind(
        &[ch('b')],
        "b",
        "change the right role",
        Action::Right,
        Some("right role"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to the guide",
        Action::Back,
        Some("back"),
    ),
];

pub static QUESTION_KEYS: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "back to the search results",
    Action::Back,
    Some("back"),
)];
