//! Built-in and user content: roles, interview questions, fact cards, and the rest of the coaching material.

pub mod model;

pub use model::*;
