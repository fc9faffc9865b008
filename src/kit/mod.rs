//! What every screen is built from: actions, the keymap, status messages, the theme and shared facts.

pub mod action;
pub mod derived;
pub mod facts;
pub mod keymap;
pub mod status;
pub mod theme;

pub use action::{Action, Tab};
pub use facts::Facts;
pub use keymap::{Binding, Group, Keymap};
pub use status::{Level, Status};
pub use theme::Theme;
