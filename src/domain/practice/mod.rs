//! Mock-interview practice: picking a round's questions, timing answers, the self-rating rubric and
//! the round log. Plain data in and out; nothing here draws or reads the clock.

pub mod log;
pub mod rubric;
pub mod select;
pub mod timer;

pub use log::{Answer, ROUNDS_FILE, RoundLog, RoundRecord};
pub use rubric::{Check, Grade, Rubric};
pub use select::{Pick, select_round};
pub use timer::{AnswerTimer, TimerPhase, format_mmss};

/// A rubric grade to apply to a question's flashcard schedule. Practice produces these; the app hands
/// them to the review store (the question's id is its card id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub question: crate::domain::content::Id,
    pub grade: Grade,
    pub at: chrono::DateTime<chrono::Utc>,
}
