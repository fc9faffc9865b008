//! The role-fit guide: "is this the right job for me?". The questions, options, points and reasons
//! are content (`content/fit.toml`); this module scores answers ([`score`]) and keeps them
//! ([`answers`]).

pub mod answers;
pub mod score;

pub use answers::{FIT_FILE, SavedFit};
pub use score::{Answers, Outcome, Reason, RoleFit, Shown, chosen, score};
