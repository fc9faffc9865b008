//! A screen's surroundings for its unit tests: shared data over a temporary folder, facts, a clock.

use super::{Action, AppData, Ctx, Facts, Screen, Status, Theme, ViewCtx};
use crate::domain::content::Library;
use crate::domain::prep::charts::local_day;
use crate::domain::schedule::{ReviewStore, StoreOptions};
use crate::storage::paths::Paths;
use chrono::{DateTime, FixedOffset, Utc};
use tempfile::TempDir;

/// What the app would hand a screen, held by the test.
pub struct Fixture {
    pub data: AppData,
    pub facts: Facts,
    pub status: Option<Status>,
    pub now: DateTime<Utc>,
    pub size: (u16, u16),
    pub theme: Theme,
    pub dir: TempDir,
}

impl Fixture {
    /// Shared data over a fresh temporary data folder, at `now`, on a 120×40 terminal.
    pub fn new(now: DateTime<Utc>) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = Paths::in_dir(dir.path());
        let library = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
        let reviews = ReviewStore::open(&paths.data_dir, &StoreOptions::default(), now)
            .map(|(store, _)| store)
            .ok();
        Fixture {
            data: AppData::load(paths, library, reviews),
            facts: Facts::default(),
            status: None,
            now,
            size: (120, 40),
            theme: Theme::PLAIN,
            dir,
        }
    }

    pub fn cx(&mut self) -> Ctx<'_> {
        Ctx {
            data: &mut self.data,
            facts: &self.facts,
            now: self.now,
            today: local_day(self.now, FixedOffset::east_opt(0).expect("UTC")),
            size: self.size,
            offset: FixedOffset::east_opt(0).expect("UTC"),
            theme: &self.theme,
            status: &mut self.status,
            ignored: None,
        }
    }

    pub fn view(&self) -> ViewCtx<'_> {
        ViewCtx {
            data: &self.data,
            facts: &self.facts,
            now: self.now,
            today: local_day(self.now, FixedOffset::east_opt(0).expect("UTC")),
            offset: FixedOffset::east_opt(0).expect("UTC"),
            size: self.size,
            theme: &self.theme,
        }
    }

    /// Hands `screen` each action in turn, as the app would.
    pub fn update(&mut self, screen: &mut impl Screen, actions: &[Action]) {
        for a in actions {
            screen.update(a.clone(), &mut self.cx());
        }
    }
}
