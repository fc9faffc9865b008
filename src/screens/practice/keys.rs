//! The Practice screen's keymap tables, one a stage. A key means one thing on every stage: `h` is
//! always hints, Esc always backs out (pausing a question, never grading it), Enter always goes on.

use crate::kit::Action;
use crate::kit::keymap::{Binding, bind, ch, code, ctrl};
use crossterm::event::KeyCode;

/// Esc in a question: the same on every stage of one, so it is written once.
const PAUSE: Binding = bind(
    &[code(KeyCode::Esc)],
    "Esc",
    "pause: skip without a grade, or end the interview",
    Action::Back,
    Some("pause"),
);

/// Choosing the interview.
pub(super) static SETUP_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "start the interview",
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
        &[code(KeyCode::Left)],
        "←/→",
        "previous choice for this setting",
        Action::Left,
        Some("change"),
    ),
    bind(
        &[code(KeyCode::Right)],
        "→",
        "next choice for this setting",
        Action::Right,
        None,
    ),
    bind(
        &[ch('r')],
        "r",
        "past rounds: every answer, its time and rubric",
        Action::PastRounds,
        Some("rounds"),
    ),
];

/// Answering out loud while the timer runs.
pub(super) static SPEAK_KEYS: &[Binding] = &[
    bind(
        &[ch(' ')],
        "Space",
        "done answering: stop the timer",
        Action::EndAnswer,
        Some("done answering"),
    ),
    bind(
        &[ch('h')],
        "h",
        "hints: story outline and notes; the timer pauses",
        Action::ToggleHint,
        Some("hints"),
    ),
    PAUSE,
];

/// Typing (or pasting) the answer into the text box.
pub(super) static TYPE_KEYS: &[Binding] = &[
    bind(
        &[ctrl('s')],
        "Ctrl-S",
        "done answering: see the analysis of what you typed",
        Action::EndAnswer,
        Some("done"),
    ),
    bind(
        &[ctrl('o')],
        "Ctrl-O",
        "hints: story outline and notes; the timer pauses",
        Action::ToggleHint,
        Some("hints"),
    ),
    PAUSE,
];

/// Reading the hints; the timer is paused.
pub(super) static HINT_KEYS: &[Binding] = &[bind(
    &[ch('h'), ctrl('o'), code(KeyCode::Esc)],
    "h/Esc",
    "close the hints and go on answering",
    Action::ToggleHint,
    Some("back to answering"),
)];

/// "That was only a few seconds. Did you answer?"
pub(super) static CONFIRM_KEYS: &[Binding] = &[
    bind(
        &[ch('y')],
        "y",
        "yes, I answered: rate it",
        Action::Select,
        Some("yes, rate it"),
    ),
    bind(
        &[ch('n')],
        "n",
        "no: answer it again, the timer starts from zero",
        Action::Retry,
        Some("no, try again"),
    ),
    PAUSE,
];

/// "Your answer is 4 words. Did you answer?": `n` keeps the typed words to add to them.
pub(super) static CONFIRM_TYPED_KEYS: &[Binding] = &[
    bind(
        &[ch('y')],
        "y",
        "yes, that is my answer: rate it",
        Action::Select,
        Some("yes, rate it"),
    ),
    bind(
        &[ch('n')],
        "n",
        "no: back to the answer box, your words kept, to add to them",
        Action::Retry,
        Some("no, add to it"),
    ),
    PAUSE,
];

/// Paused in the middle of a question: nothing is graded from here unless the user goes back.
pub(super) static PAUSED_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter), code(KeyCode::Esc)],
        "Enter/Esc",
        "back to the question",
        Action::Back,
        Some("back"),
    ),
    bind(
        &[ch('n')],
        "n",
        "next question: leave this one without a grade",
        Action::SkipQuestion,
        Some("skip, no grade"),
    )
    .writes(),
    bind(
        &[ch('x')],
        "x",
        "end the interview now (answers so far are kept)",
        Action::EndRound,
        Some("end interview"),
    )
    .writes(),
];

/// Reading the analysis of a typed answer.
pub(super) static FEEDBACK_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "go on to rate the answer",
        Action::Select,
        Some("rate it"),
    ),
    PAUSE,
];

pub(super) static RATE_KEYS: &[Binding] = &[
    bind(
        &[ch('1')],
        "1–4",
        "tick or untick box 1 (each box has its number)",
        Action::ToggleNth(1),
        Some("tick"),
    ),
    bind(
        &[ch('2')],
        "2",
        "tick or untick box 2",
        Action::ToggleNth(2),
        None,
    ),
    bind(
        &[ch('3')],
        "3",
        "tick or untick box 3",
        Action::ToggleNth(3),
        None,
    ),
    bind(
        &[ch('4')],
        "4",
        "tick or untick box 4",
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
    PAUSE,
];

/// The close: choosing which of your questions to ask.
pub(super) static CLOSE_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "choose a question",
        Action::Up,
        Some("choose"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next question",
        Action::Down,
        None,
    ),
    bind(
        &[ch(' '), ch('x')],
        "Space",
        "ask it, or not",
        Action::Toggle,
        Some("ask it"),
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "done: rate how you closed",
        Action::Select,
        Some("done"),
    ),
    PAUSE,
];

pub(super) static SUMMARY_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "set up another interview",
        Action::Select,
        Some("new interview"),
    ),
    bind(
        &[ch('r')],
        "r",
        "past rounds: every answer, its time and rubric",
        Action::PastRounds,
        Some("rounds"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to the setup",
        Action::Back,
        None,
    ),
];

/// The list of past rounds.
pub(super) static HISTORY_KEYS: &[Binding] = &[
    bind(
        &[code(KeyCode::Up), ch('k')],
        "↑/↓",
        "choose a round",
        Action::Up,
        Some("choose"),
    ),
    bind(
        &[code(KeyCode::Down), ch('j')],
        "↓/j",
        "next round",
        Action::Down,
        None,
    ),
    bind(
        &[code(KeyCode::Enter)],
        "Enter",
        "open the round: every answer",
        Action::Select,
        Some("open"),
    ),
    bind(
        &[code(KeyCode::Esc)],
        "Esc",
        "back to the setup",
        Action::Back,
        Some("back"),
    ),
];

/// One past round, answer by answer.
pub(super) static ROUND_KEYS: &[Binding] = &[bind(
    &[code(KeyCode::Esc), code(KeyCode::Enter)],
    "Esc",
    "back to the list of rounds",
    Action::Back,
    Some("back"),
)];
