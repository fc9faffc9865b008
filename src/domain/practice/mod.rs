//! Mock-interview practice: planning an interview's questions, timing answers, analyzing typed
//! answers, follow-up questions, the rubric for each kind of question and the round log. Plain data
//! in and out; nothing here draws or reads the clock.

pub mod fit;
pub mod followup;
pub mod history;
pub mod log;
pub mod plan;
pub mod rubric;
pub mod select;
pub mod timer;
pub mod typed;

pub use log::{
    Answer, AnswerMode, Entry, FollowUpAnswer, ROUNDS_FILE, RoundLog, RoundRecord, Row, Skipped,
    TimeCounts,
};
pub use rubric::{Check, Grade, Rubric};
pub use select::{Pick, select_round};
pub use timer::{AnswerTimer, MIN_ANSWER_SECS, TimerPhase, Timing, format_mmss};

/// A rubric grade to apply to a question's flashcard schedule. Practice produces these; the app hands
/// them to the review store (the question's id is its card id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub question: crate::domain::content::Id,
    pub grade: Grade,
    pub at: chrono::DateTime<chrono::Utc>,
}
