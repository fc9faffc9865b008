//! The state and key handling of each screen; drawing lives in `ui`.

pub mod cards;
pub mod guides;
pub mod home;
pub mod practice;
pub mod practice_setup;
pub mod stories;
