//! The Home screen: where to start and how preparation is going.

use crate::app::{Binding, Group};

/// Home has no selection of its own yet; it reads shared data.
#[derive(Debug, Default)]
pub struct Home;

static KEYS: &[Binding] = &[];

impl Home {
    pub fn keymap(&self) -> Vec<Group> {
        vec![Group {
            title: "Home",
            bindings: KEYS,
        }]
    }
}
