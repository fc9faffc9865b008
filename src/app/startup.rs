//! Start-up in two steps: what the first frame needs at once, then the user's data on two cores.

use super::screens::Screens;
use super::{App, facts, lifecycle};
use crate::domain::content::Library;
use crate::domain::schedule::{ReviewStore, StoreOptions};
use crate::kit::data::StoriesFolder;
use crate::kit::{AppData, Facts, Level, Status, Tab, Theme};
use crate::storage::paths::Paths;
use chrono::{DateTime, Offset, Utc};

/// What a thread returned; its panic is passed on as if it had happened on this one.
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// What the first screen says of story files that could not be read, which otherwise only the
/// Stories screen lists: someone studying cards should still learn that a story is not showing.
fn unreadable_stories(folder: &StoriesFolder) -> Option<Status> {
    let text = match (&folder.load_error, folder.bad.len()) {
        (Some(_), _) => {
            "Your stories folder could not be read; the Stories screen says why.".into()
        }
        (None, 0) => return None,
        (None, 1) => "1 story file could not be read and was left as it is; \
                      the Stories screen says which line to fix."
            .into(),
        (None, n) => format!(
            "{n} story files could not be read and were left as they are; \
             the Stories screen says which lines to fix."
        ),
    };
    Some(Status::warn(text))
}

impl App {
    /// Builds the app over `paths`, loading content and opening the review history. Never fails:
    /// problems are shown on screen.
    pub fn new(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        let mut app = App::start(paths, now, theme);
        app.finish_loading();
        app
    }

    /// Builds the app with only what its first frame needs: the built-in content, the checklist,
    /// favourites and practice log. The user's decks, stories and review history, whose cost grows
    /// with the data, are loaded by [`App::finish_loading`]; until then Home shows "counting…" where
    /// their numbers go. The event loop draws the first frame in between, so start-up at 100,000
    /// cards shows Home at once. Never fails.
    pub fn start(paths: Paths, now: DateTime<Utc>, theme: Theme) -> App {
        crate::domain::content::library::keep_builtin_in(&paths.data_dir);
        let library = Library::builtin();
        let screens = Screens::new(&library, theme);
        let data = AppData::start(paths, library);
        let status = data.problems().into_iter().next().map(Status::error);
        App {
            start_status: status.clone(),
            tab: Tab::Home,
            screens,
            data,
            facts: Facts {
                loading: true,
                ..Facts::default()
            },
            facts_from: facts::FactsFrom::default(),
            overlay: None,
            status,
            theme,
            size: (80, 24),
            now,
            offset: Utc.fix(),
            should_quit: false,
            quit_anyway: false,
            exit_note: None,
            recovered: Vec::new(),
            auto_backup: lifecycle::AutoBackup::default(),
            config: None,
            panel: None,
            ignored: None,
        }
    }

    /// True until [`App::finish_loading`] has loaded the user's decks, stories and review history.
    pub fn is_loading(&self) -> bool {
        self.facts.loading
    }

    /// Loads what [`App::start`] left out: the user's content (with the built-in content, checked
    /// together), the review history and the stories; builds the screens over them and works out
    /// the shared facts. Returns false if there was nothing left to load.
    pub fn finish_loading(&mut self) -> bool {
        if !self.facts.loading {
            return false;
        }
        let paths = self.data.paths().clone();
        let now = self.now;
        let theme = self.theme;
        // The review history and then the stories load on another core while the content loads on
        // this one: they share no file (at 100,000 cards each takes tens of milliseconds). As soon
        // as the content is in, the screens are built here (the Cards screen's catalogue is most
        // of it) while the stories finish and their facts, which need the content, are worked out
        // on another core. One thread for both loads rather than one each: three threads on two
        // cores at 100,000 cards took 4% longer (paired runs of `scale_probe app`, 2026-12-06),
        // and the history is the shorter load, so the stories still finish while the screens are
        // built. A panic in one is passed on as if it had happened here.
        let (library, opened, stories, story_facts, mut screens) = std::thread::scope(|s| {
            let paths = &paths;
            let loads = s.spawn(move || {
                let opened = ReviewStore::open(&paths.data_dir, &StoreOptions::default(), now);
                (opened, StoriesFolder::load(paths))
            });
            let library = Library::load_cached(&paths.user_content_dir(), &paths.data_dir);
            let (screens, (opened, stories, facts)) = std::thread::scope(|inner| {
                let facts = inner.spawn(|| {
                    let (opened, stories) = joined(loads);
                    let facts = stories
                        .store()
                        .map(|store| facts::StoryFacts::of(store, &library));
                    (opened, stories, facts)
                });
                (Screens::new(&library, theme), joined(facts))
            });
            (library, opened, stories, facts, screens)
        });
        let content = (!library.problems.is_empty()).then(|| {
            Status::warn(format!(
                "{} problem(s) in content files; run `clinicprep check` to see them. The rest loaded.",
                library.problems.len()
            ))
        });
        let unreadable = unreadable_stories(&stories);
        let (reviews, history) = match opened {
            Ok((store, notices)) => (Some(store), screens.cards.set_notices(&notices)),
            Err(e) => (None, screens.cards.set_store_error(&e)),
        };
        self.data.finish_loading(library, reviews, stories);
        if let Some(facts) = story_facts {
            self.use_story_facts(facts);
        }
        // Set by the session before the first frame; the rest of the screens' settings come
        // back with the config, applied again below.
        screens.sheet.can_open = self.screens.sheet.can_open;
        self.screens = screens;
        // As a whole load ranks them: the review history's problems, then the other data files'
        // (what `start` said, if nothing has been said since), then story files that could not
        // be read, then the content's. What was said since (a recovered story, a folder others
        // can change, the config) stays, unless the review history could not be opened at all
        // (the Cards screen lists the history's notices, `clinicprep check` the content's
        // problems).
        let from_start = self.status == self.start_status;
        let history_failed = history.as_ref().is_some_and(|s| s.level == Level::Error);
        let current = self.status.as_ref().map(|s| s.level);
        if from_start || (history_failed && current != Some(Level::Error)) {
            self.status = history.or(self.status.take()).or(unreadable).or(content);
        }
        self.start_status = None;
        self.facts.loading = false;
        match self.config.take() {
            // Applying it again sets the study settings on the review history, now open.
            Some(config) => self.apply_config(&config),
            None => self.refresh_facts(),
        }
        self.refresh_showing();
        true
    }
}
