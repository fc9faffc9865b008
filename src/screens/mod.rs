//! The state and key handling of each screen; drawing lives in `ui`.

pub mod guides;
pub mod home;
pub mod stories;
