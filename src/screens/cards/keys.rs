//! The Cards screen's keymap tables: the deck list, a card's front and back, and the end screen.

use crate::domain::schedule::Grade;
use crate::kit::Action;
use crate::kit::keymap::{self, Binding, Key, bind, ch, code};
use crossterm::event::KeyCode;

pub static DECKS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "previous deck",
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
    keymap::PAGE_UP,
    keymap::PAGE_DOWN,
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
        "filter by role; press again for the next role",
        Action::FilterRole,
        Some("filter"),
    ),
    bind(
        &[ch('c')],
        "c",
        "filter by category; press again for the next one",
        Action::FilterCategory,
        None,
    ),
    bind(
        &[ch('t')],
        "t",
        "filter by tag; press again for the next tag",
        Action::FilterTag,
        None,
    ),
    bind(
        &[ch('x')],
        "x",
        "clear the filters",
        Action::ClearFilters,
        None,
    ),
    bind(
        &[ch('/')],
        "/",
        "find a card by words on its front, back or tags",
        Action::Search,
        Some("find"),
    ),
];

/// While a filter narrows the decks; with none, Esc goes back to Home as on other screens.
pub static CLEAR_FILTERS: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "clear the filters",
    Action::ClearFilters,
    None,
)];

/// While the search box is open: these keys, and every other key types into the box.
pub static SEARCH: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "open the highlighted card with its review history",
        Action::Select,
        Some("open"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "close the search and go back to the decks",
        Action::Back,
        Some("close"),
    ),
    bind(
        &[code(KeyCode::Up)],
        "↑/↓",
        "previous card found",
        Action::Up,
        Some("cards"),
    ),
    bind(
        &[code(KeyCode::Down)],
        "↓",
        "next card found",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "page up in the cards found",
        Action::PageUp,
        None,
    ),
    bind(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "page down in the cards found",
        Action::PageDown,
        None,
    ),
];

/// One card opened from the search (scrolled with [`SCROLL`]).
pub static BROWSE: &[Binding] = &[bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "back to the cards found",
    Action::Back,
    Some("back"),
)];

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

/// A letter that picks option `n` (0 is a) of a multiple-choice card.
const fn pick(key: &'static [Key], n: u8, help: &'static str) -> Binding {
    bind(key, "", help, Action::Pick(n), None)
}

/// The first letter, whose footer entry names the range of letters in force.
const fn pick_first(label: &'static str) -> Binding {
    bind(
        KEY_A,
        label,
        "pick option a; shows whether it was right",
        Action::Pick(0),
        Some("answer"),
    )
}

const KEY_A: &[Key] = &[ch('a')];
const B: Binding = pick(&[ch('b')], 1, "pick option b");
const C: Binding = pick(&[ch('c')], 2, "pick option c");
const D: Binding = pick(&[ch('d')], 3, "pick option d");
const E: Binding = pick(&[ch('e')], 4, "pick option e");
const F: Binding = pick(&[ch('f')], 5, "pick option f");

/// The letters that pick an option, for a card of 2 to 6 options; only on such a card's front.
static PICK: [&[Binding]; 5] = [
    &[pick_first("a/b"), B],
    &[pick_first("a–c"), B, C],
    &[pick_first("a–d"), B, C, D],
    &[pick_first("a–e"), B, C, D, E],
    &[pick_first("a–f"), B, C, D, E, F],
];

/// The letters in force on a card of `options` options: only those that pick one.
pub fn pick_keys(options: usize) -> &'static [Binding] {
    match options {
        0 => &[],
        1 => &PICK[0][..1],
        n => PICK[n.min(6) - 2],
    }
}

/// Enter on the back gives the proposed grade; the footer names it.
static ACCEPT: [&[Binding]; 4] = [
    &[accept("give the proposed grade: Again", "Again")],
    &[accept("give the proposed grade: Hard", "Hard")],
    &[accept("give the proposed grade: Good", "Good")],
    &[accept("give the proposed grade: Easy", "Easy")],
];

const ENTER: &[Key] = &[code(KeyCode::Enter)];

const fn accept(help: &'static str, grade: &'static str) -> Binding {
    bind(ENTER, "Enter", help, Action::Select, Some(grade)).writes()
}

/// The Enter key on the back of a card whose proposed grade is `grade`.
pub fn accept_keys(grade: Grade) -> &'static [Binding] {
    ACCEPT[usize::from(grade.number().saturating_sub(1)).min(3)]
}

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
pub static SCROLL: &[Binding] = &scroll(None);

/// [`SCROLL`], named in the footer: while the card is taller than the window, so someone who has
/// never scrolled a terminal learns there is more below.
pub static SCROLL_MORE: &[Binding] = &scroll(Some("scroll"));

const UP_K: &[Key] = &[code(KeyCode::Up), ch('k')];
const DOWN_J: &[Key] = &[code(KeyCode::Down), ch('j')];
const PAGE_UP: &[Key] = &[code(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[code(KeyCode::PageDown)];

const fn scroll(footer: Option<&'static str>) -> [Binding; 4] {
    [
        bind(UP_K, "↑/↓", "scroll up", Action::Up, footer),
        bind(DOWN_J, "↓/j", "scroll down", Action::Down, None),
        bind(PAGE_UP, "PgUp", "scroll a page up", Action::PageUp, None),
        bind(
            PAGE_DOWN,
            "PgDn",
            "scroll a page down",
            Action::PageDown,
            None,
        ),
    ]
}

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
