//! The Cards screen's keymap tables: the deck list, a card's front and back, and the end screen.

use crate::domain::schedule::Grade;
use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code};
use crossterm::event::KeyCode;

pub static DECKS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "move between decks",
        Action::Up,
        Some("deck"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next deck",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "page up",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "page down",
        Action::PageDown,
        None,
    ),
    bind(
        &[code(KeyCode::Home), ch('g')],
        "Home/g",
        "first deck",
        Action::Top,
        None,
    ),
    bind(
        &[code(KeyCode::End), ch('G')],
        "End/G",
        "last deck",
        Action::Bottom,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "study the deck: what is due, then new cards",
        Action::Select,
        Some("study"),
    )
    .writes(),
    bind(
        &[ch('i')],
        "i",
        "cram for the interview: every card, weakest first",
        Action::Cram,
        Some("cram"),
    )
    .writes(),
    bind(
        &[ch('r')],
        "r/c/t",
        "filter by role (press again for the next one)",
        Action::FilterRole,
        Some("filter"),
    ),
    bind(
        &[ch('c')],
        "c",
        "filter by category",
        Action::FilterCategory,
        None,
    ),
    bind(&[ch('t')], "t", "filter by tag", Action::FilterTag, None),
    bind(
        &[ch('x')],
        "x",
        "clear the filters",
        Action::ClearFilters,
        None,
    ),
];

pub static FRONT: &[Binding] = &[
    bind(
        &[code(KeyCode::Char(' ')), code(KeyCode::Enter)],
        "Space",
        "show the answer",
        Action::Reveal,
        Some("show answer"),
    ),
    bind(
        &[ch('u')],
        "u",
        "undo the last grade",
        Action::UndoGrade,
        Some("undo"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "end the session",
        Action::Back,
        Some("end"),
    ),
];

/// Letters that pick a multiple-choice option; only in force on such a card's front.
pub static PICK: &[Binding] = &[
    bind(
        &[ch('a')],
        "a–d",
        "pick that option; shows whether it was right",
        Action::Pick(0),
        Some("answer"),
    ),
    bind(&[ch('b')], "b", "pick option b", Action::Pick(1), None),
    bind(&[ch('c')], "c", "pick option c", Action::Pick(2), None),
    bind(&[ch('d')], "d", "pick option d", Action::Pick(3), None),
    bind(&[ch('e')], "e", "pick option e", Action::Pick(4), None),
    bind(&[ch('f')], "f", "pick option f", Action::Pick(5), None),
];

pub static BACK: &[Binding] = &[
    bind(
        &[ch('1')],
        "1",
        "Again: you did not remember it",
        Action::Grade(Grade::Again),
        None,
    )
    .writes(),
    bind(
        &[ch('2')],
        "2",
        "Hard: remembered with real effort",
        Action::Grade(Grade::Hard),
        None,
    )
    .writes(),
    bind(
        &[ch('3')],
        "3",
        "Good: remembered after a moment",
        Action::Grade(Grade::Good),
        None,
    )
    .writes(),
    bind(
        &[ch('4')],
        "4",
        "Easy: knew it at once",
        Action::Grade(Grade::Easy),
        None,
    )
    .writes(),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "give the highlighted grade",
        Action::Select,
        Some("accept"),
    )
    .writes(),
    bind(
        &[ch('u')],
        "u",
        "undo the last grade",
        Action::UndoGrade,
        Some("undo"),
    )
    .writes(),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "end the session",
        Action::Back,
        Some("end"),
    ),
];

/// Scrolling a card too long for the window.
pub static SCROLL: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "scroll the card",
        Action::Up,
        None,
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
        &[code(KeyCode::PageDown)],
        "PgDn",
        "scroll a page down",
        Action::PageDown,
        None,
    ),
];

pub static SUMMARY: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter), code(KeyCode::Esc)],
        "Enter",
        "back to the decks",
        Action::Select,
        Some("decks"),
    ),
    bind(
        &[ch('u')],
        "u",
        "undo the last grade and see that card again",
        Action::UndoGrade,
        Some("undo"),
    )
    .writes(),
];
