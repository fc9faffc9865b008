//! What every screen is built from: actions, the keymap, status messages, the theme and shared facts.

pub mod action;
pub mod data;
pub mod decks;
pub mod derived;
pub mod facts;
#[cfg(test)]
pub(crate) mod fixture;
pub mod inbox;
pub mod keyhelp;
pub mod keymap;
pub mod screen;
pub mod status;
pub mod theme;

pub use action::{Action, Tab};
pub use data::{AppData, ReadOnly, Writer};
pub use facts::Facts;
pub use keyhelp::{HelpRow, HelpSection};
pub use keymap::{Binding, Dispatch, Group, Keymap};
pub use screen::{Ctx, Screen, Typing, ViewCtx};
pub use status::{Level, Said, Status};
pub use theme::Theme;
