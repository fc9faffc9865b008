//! The story list and the coverage view as the screen shows them, kept between frames: with a
//! thousand stories, sorting and filtering them or laying out coverage on every key cost more than a
//! frame. Both are kept with what they came from (the store's change count, the order, the filter,
//! the width) and worked out again in `update` when that changes; see [`crate::kit::derived`].

use super::{Stories, View};
use crate::app::Theme;
use crate::domain::content::Library;
use crate::domain::stories::{Filter, Order, SearchText, Story, StoryId};
use crate::screens::stories::view::coverage_doc;
use crate::widgets::doc::Doc;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct ListKey {
    changes: u64,
    order: Order,
    filter: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct CoverageKey {
    changes: u64,
    order: Order,
    width: usize,
    theme: Theme,
}

/// Text width of the coverage view at terminal width `w`: inside its borders, beside the scrollbar.
fn coverage_width(w: u16) -> usize {
    usize::from(w.saturating_sub(3))
}

impl Stories {
    fn list_key(&self) -> ListKey {
        ListKey {
            changes: self.store.changes(),
            order: self.order,
            filter: self.filter_text(),
        }
    }

    fn work_out_list(&self) -> Vec<StoryId> {
        let Some(store) = self.store() else {
            return Vec::new();
        };
        let filter = Filter::new(&self.filter_text());
        match self.kept_search.get(&(self.store.changes(), self.order)) {
            // Typing in the filter box: every story's text was folded once, in list order.
            Some(all) => all
                .iter()
                .filter(|(_, text)| filter.matches_text(text))
                .map(|(id, _)| id.clone())
                .collect(),
            None => store
                .list(self.order)
                .into_iter()
                .filter(|s| filter.matches(s))
                .map(|s| s.id.clone())
                .collect(),
        }
    }

    /// The ids of the stories the list shows: all of them in the chosen order, narrowed by the filter.
    pub fn visible_ids(&self) -> Cow<'_, [StoryId]> {
        match self.kept_list.get(&self.list_key()) {
            Some(ids) => Cow::Borrowed(ids),
            None => Cow::Owned(self.work_out_list()),
        }
    }

    /// The stories the list shows, in order.
    pub fn visible(&self) -> Vec<&Story> {
        let Some(store) = self.store() else {
            return Vec::new();
        };
        self.visible_ids()
            .iter()
            .filter_map(|id| store.get(id))
            .collect()
    }

    /// How many stories the list shows.
    pub fn visible_len(&self) -> usize {
        self.visible_ids().len()
    }

    /// The story at `i` in the list as shown.
    pub fn visible_at(&self, i: usize) -> Option<&Story> {
        let store = self.store()?;
        self.visible_ids().get(i).and_then(|id| store.get(id))
    }

    pub fn selected_story(&self) -> Option<&Story> {
        self.visible_at(self.selected)
    }

    /// Where `id` is in the list as shown.
    pub(super) fn position_of(&self, id: &StoryId) -> Option<usize> {
        self.visible_ids().iter().position(|x| x == id)
    }

    fn coverage_key(&self, t: &Theme, width: usize) -> CoverageKey {
        CoverageKey {
            changes: self.store.changes(),
            order: self.order,
            width,
            theme: *t,
        }
    }

    /// The coverage view laid out `width` columns wide in theme `t`.
    pub fn coverage_doc(&self, lib: &Library, t: &Theme, width: usize) -> Cow<'_, Doc> {
        match self.kept_coverage.get(&self.coverage_key(t, width)) {
            Some(d) => Cow::Borrowed(d),
            None => Cow::Owned(coverage_doc(self, lib, t, width)),
        }
    }

    /// Lines in the coverage view at terminal width `w`, for clamping its scroll offset.
    pub(super) fn coverage_len(&self, lib: &Library, w: u16) -> usize {
        self.coverage_doc(lib, &self.theme, coverage_width(w)).len()
    }

    /// Works out again what the list or coverage view draws, if its inputs changed.
    pub fn refresh_derived(&mut self, lib: &Library, size: (u16, u16)) {
        let search = (self.store.changes(), self.order);
        if !self.filter_text().trim().is_empty() && self.kept_search.get(&search).is_none() {
            let all = self.store().map_or_else(Vec::new, |store| {
                store
                    .list(self.order)
                    .into_iter()
                    .map(|s| (s.id.clone(), SearchText::of(s)))
                    .collect()
            });
            self.kept_search.refresh(search, || all);
        }
        let key = self.list_key();
        if self.kept_list.get(&key).is_none() {
            let ids = self.work_out_list();
            self.kept_list.refresh(key, || ids);
        }
        if self.view == View::Coverage {
            let width = coverage_width(size.0);
            let key = self.coverage_key(&self.theme, width);
            if self.kept_coverage.get(&key).is_none() {
                let doc = coverage_doc(self, lib, &self.theme, width);
                self.kept_coverage.refresh(key, || doc);
            }
        } else {
            self.kept_coverage.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::{Action, App, Tab, Theme};
    use crate::storage::paths::Paths;
    use chrono::{DateTime, Utc};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::borrow::Cow;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_424_400, 0).unwrap()
    }

    use crate::screens::stories::write_by_keys as write;

    /// The titles the list shows, after checking the kept list is in use and matches a fresh one.
    fn shown(app: &App) -> Vec<String> {
        let st = &app.stories;
        let ids = st.visible_ids();
        assert!(matches!(ids, Cow::Borrowed(_)), "kept after update");
        assert_eq!(*ids, *st.work_out_list(), "kept list is up to date");
        st.visible().iter().map(|s| s.title.clone()).collect()
    }

    #[test]
    fn the_kept_list_follows_saves_deletes_order_and_filter() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
        app.update(Action::GoTo(Tab::Stories));
        assert!(shown(&app).is_empty());
        write(&mut app, "Alpha", "teamwork");
        assert_eq!(shown(&app), ["Alpha"]);
        write(&mut app, "Beta", "safety");
        assert_eq!(shown(&app), ["Beta", "Alpha"], "newest first");
        app.update(Action::Sort);
        assert_eq!(shown(&app), ["Alpha", "Beta"], "by title");
        app.update(Action::Down);
        app.update(Action::Delete);
        assert_eq!(shown(&app), ["Alpha"]);
        app.update(Action::Undo);
        assert_eq!(shown(&app), ["Alpha", "Beta"]);
        assert_eq!(app.stories.selected_story().unwrap().title, "Beta");
        app.update(Action::Search);
        for c in "bet".chars() {
            app.update(Action::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        assert_eq!(shown(&app), ["Beta"]);
        app.update(Action::Back);
        assert_eq!(shown(&app), ["Alpha", "Beta"]);
    }

    #[test]
    fn the_kept_coverage_follows_the_stories_and_the_width() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
        app.size = (120, 40);
        app.update(Action::GoTo(Tab::Stories));
        write(&mut app, "Calming an upset patient", "patient-care");
        app.update(Action::Coverage);
        let lib = &app.data.library;
        let text = |d: &crate::widgets::doc::Doc| -> String {
            d.lines.iter().map(|l| l.to_string() + "\n").collect()
        };
        let kept = app.stories.coverage_doc(lib, &Theme::PLAIN, 117);
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert!(text(&kept).contains("Calming an upset patient"));
        assert_eq!(
            text(&kept),
            text(&crate::screens::stories::view::coverage_doc(
                &app.stories,
                lib,
                &Theme::PLAIN,
                117
            ))
        );
        assert!(
            matches!(
                app.stories.coverage_doc(lib, &Theme::PLAIN, 77),
                Cow::Owned(_)
            ),
            "another width is laid out afresh, never taken from the kept one"
        );

        // Back to the list, a second story, coverage again: it shows both.
        app.update(Action::Back);
        write(&mut app, "Covering the front desk", "teamwork");
        app.update(Action::Coverage);
        let kept = app
            .stories
            .coverage_doc(&app.data.library, &Theme::PLAIN, 117);
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert!(text(&kept).contains("Covering the front desk"));
    }

    /// Types `text` into the focused field, key by key.
    fn type_keys(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(Action::Edit(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
    }

    #[test]
    fn filtering_uses_folded_text_that_follows_edits() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::new(Paths::in_dir(dir.path()), now(), Theme::PLAIN);
        app.update(Action::GoTo(Tab::Stories));
        write(&mut app, "Alpha", "teamwork");
        write(&mut app, "Beta", "safety");
        app.update(Action::Search);
        type_keys(&mut app, "bet");
        assert_eq!(shown(&app), ["Beta"]);
        let store = app.stories.store().unwrap();
        let want: Vec<_> = store.list_matching(app.stories.order, "bet");
        assert_eq!(app.stories.visible(), want, "as the store filters");
        app.update(Action::Back);

        // Rename Alpha to "Alphabet": the same filter now finds it too.
        app.update(Action::Bottom);
        app.update(Action::Select);
        app.update(Action::Paste("bet".into()));
        app.update(Action::Back);
        app.update(Action::Search);
        type_keys(&mut app, "BET");
        assert_eq!(shown(&app), ["Alphabet", "Beta"]);
        type_keys(&mut app, " #team");
        assert_eq!(shown(&app), ["Alphabet"]);
    }
}
