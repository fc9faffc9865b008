//! Preparation at a glance: the checklist and starred questions, the interview countdown, the next
//! suggested step, and the data behind Home's charts. Plain data in and out; nothing here draws.

pub mod charts;
pub mod date;
pub mod debrief;
pub mod marks;
pub mod next;

pub use date::{When, clock, examples as date_examples, parse_interview, reading};
pub use debrief::{Debrief, Debriefs};
pub use marks::{MarkKind, MarkSet};
pub use next::{Progress, Suggestion, days_until, next_step};
