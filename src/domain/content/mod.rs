//! Built-in and user content: roles, interview questions, fact cards, and the rest of the coaching material.

mod builtin_cache;
pub mod clean;
pub mod id;
pub mod library;
pub mod markup;
pub mod model;
pub mod phrasing;
pub mod plain;
pub mod prep_model;
pub mod problem;
mod repeats;
pub mod script;
pub mod search;
mod user_files;

pub use library::Library;
pub use model::*;
pub use prep_model::{Backed, Coaching, FitOption, FitQuestion, FitReason, FitRole};
pub use problem::Problem;
pub use script::{FollowUp, Persona, QuestionKind, Trigger};
