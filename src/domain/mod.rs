//! What the app knows and decides, with no terminal, clock or screen in sight.

pub mod config;
pub mod content;
pub mod fit;
pub mod plan;
pub mod practice;
pub mod prep;
pub mod profile;
pub mod prose;
pub mod schedule;
pub mod sheet;
pub mod stories;
pub mod study;
