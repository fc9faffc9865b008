//! The stories folder as `AppData` holds it: the store, the unreadable files, or the load error.

use crate::domain::stories::{BadStory, StoryStore};
use crate::kit::derived::Tracked;
use crate::storage::paths::Paths;
use std::fmt;

/// The stories folder as loaded: the store, the files that could not be read, or why the folder
/// could not be read at all.
#[derive(Default)]
pub struct StoriesFolder {
    /// `None` when the folder could not be read; `load_error` says why. Tracked, so what screens
    /// derive from the stories knows when they may have changed.
    pub(super) store: Tracked<Option<StoryStore>>,
    /// Story files that could not be read; they are listed and never written to.
    pub bad: Vec<BadStory>,
    pub load_error: Option<String>,
}

impl fmt::Debug for StoriesFolder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoriesFolder")
            .field("stories", &self.store.get().as_ref().map(StoryStore::len))
            .field("bad", &self.bad)
            .field("load_error", &self.load_error)
            .finish()
    }
}

impl StoriesFolder {
    /// The stories, if the folder could be read.
    pub fn store(&self) -> Option<&StoryStore> {
        self.store.get().as_ref()
    }

    pub fn load(paths: &Paths) -> StoriesFolder {
        let mut folder = StoriesFolder::default();
        folder.reload(paths);
        folder
    }

    /// Reads the folder again (after the user may have fixed it).
    pub(super) fn reload(&mut self, paths: &Paths) {
        let (store, bad, load_error) = match StoryStore::load(&paths.data_dir) {
            Ok((store, bad)) => (Some(store), bad, None),
            Err(e) => (
                None,
                Vec::new(),
                Some(crate::storage::sanitize::clean_line(&e.to_string())),
            ),
        };
        self.store.set(store);
        (self.bad, self.load_error) = (bad, load_error);
    }
}
