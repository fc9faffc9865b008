//! One folder a screen: its state and `update` (mod.rs), its keys (keys.rs) and its drawing (view.rs).

pub mod cards;
pub mod fit;
pub mod guides;
pub mod home;
pub mod practice;
pub mod setup;
pub mod sheet;
pub mod stories;
