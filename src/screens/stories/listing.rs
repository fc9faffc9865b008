//! The story list and the coverage view as the screen shows them, kept between frames: with a
//! thousand stories, sorting and filtering them or laying out coverage on every key cost more than a
//! frame. Both are kept with what they came from (the store's change count, the order, the filter,
//! the width) and worked out again in `update` when that changes; see [`crate::kit::derived`].

use super::view::{CoverageDoc, coverage_doc};
use super::{Stories, View};
use crate::domain::stories::{Filter, Order, SearchText, Story, StoryId};
use crate::kit::{AppData, Theme};
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
pub(super) fn coverage_width(w: u16) -> usize {
    usize::from(w.saturating_sub(3))
}

impl Stories {
    fn list_key(&self, data: &AppData) -> ListKey {
        ListKey {
            changes: data.stories_changes(),
            order: self.order,
            filter: self.filter_text(),
        }
    }

    fn work_out_list(&self, data: &AppData) -> Vec<StoryId> {
        let Some(store) = data.stories() else {
            return Vec::new();
        };
        let filter = Filter::new(&self.filter_text());
        match self.kept_search.get(&(data.stories_changes(), self.order)) {
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
    pub fn visible_ids<'a>(&'a self, data: &AppData) -> Cow<'a, [StoryId]> {
        match self.kept_list.get(&self.list_key(data)) {
            Some(ids) => Cow::Borrowed(ids),
            None => Cow::Owned(self.work_out_list(data)),
        }
    }

    /// The stories the list shows, in order.
    #[cfg(test)]
    pub fn visible<'a>(&self, data: &'a AppData) -> Vec<&'a Story> {
        let Some(store) = data.stories() else {
            return Vec::new();
        };
        self.visible_ids(data)
            .iter()
            .filter_map(|id| store.get(id))
            .collect()
    }

    /// How many stories the list shows.
    pub fn visible_len(&self, data: &AppData) -> usize {
        self.visible_ids(data).len()
    }

    /// The story at `i` in the list as shown.
    pub fn visible_at<'a>(&self, data: &'a AppData, i: usize) -> Option<&'a Story> {
        let store = data.stories()?;
        self.visible_ids(data).get(i).and_then(|id| store.get(id))
    }

    pub fn selected_story<'a>(&self, data: &'a AppData) -> Option<&'a Story> {
        self.visible_at(data, self.selected)
    }

    /// Where `id` is in the list as shown.
    pub(super) fn position_of(&self, data: &AppData, id: &StoryId) -> Option<usize> {
        self.visible_ids(data).iter().position(|x| x == id)
    }

    fn coverage_key(&self, data: &AppData, t: &Theme, width: usize) -> CoverageKey {
        CoverageKey {
            changes: data.stories_changes(),
            order: self.order,
            width,
            theme: *t,
        }
    }

    /// The coverage view laid out `width` columns wide in theme `t`.
    pub fn coverage_doc(&self, data: &AppData, t: &Theme, width: usize) -> Cow<'_, CoverageDoc> {
        match self.kept_coverage.get(&self.coverage_key(data, t, width)) {
            Some(d) => Cow::Borrowed(d),
            None => Cow::Owned(coverage_doc(self, data, t, width)),
        }
    }

    /// Lines in the coverage view at terminal width `w`, for clamping its scroll offset.
    pub(super) fn coverage_len(&self, data: &AppData, w: u16) -> usize {
        self.coverage_doc(data, &self.theme, coverage_width(w))
            .doc
            .len()
    }

    /// Works out again what the list or coverage view draws, if its inputs changed.
    pub fn refresh_derived(&mut self, data: &AppData, _theme: &Theme, size: (u16, u16)) {
        let search = (data.stories_changes(), self.order);
        if !self.filter_text().trim().is_empty() && self.kept_search.get(&search).is_none() {
            let all = data.stories().map_or_else(Vec::new, |store| {
                store
                    .list(self.order)
                    .into_iter()
                    .map(|s| (s.id.clone(), SearchText::of(s)))
                    .collect()
            });
            self.kept_search.refresh(search, || all);
        }
        let key = self.list_key(data);
        if self.kept_list.get(&key).is_none() {
            let ids = self.work_out_list(data);
            self.kept_list.refresh(key, || ids);
        }
        if self.view == View::List
            && size.0 >= super::view::PREVIEW_BESIDE
            && let Some(story) = self.selected_story(data)
        {
            let key = (story.id.clone(), data.stories_changes());
            if self.kept_preview.get(&key).is_none() {
                let analysis = self.coach.story(story);
                self.kept_preview.refresh(key, || analysis);
            }
        }
        if self.view == View::Coverage {
            let width = coverage_width(size.0);
            let key = self.coverage_key(data, &self.theme, width);
            if self.kept_coverage.get(&key).is_none() {
                let doc = coverage_doc(self, data, &self.theme, width);
                self.kept_coverage.refresh(key, || doc);
            }
        } else {
            self.kept_coverage.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Stories;
    use crate::kit::fixture::Fixture;
    use crate::kit::{Action, Theme};
    use chrono::{DateTime, Utc};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::borrow::Cow;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_424_400, 0).unwrap()
    }

    /// The Stories screen over a fresh data folder, 120×40.
    fn stories() -> (Fixture, Stories) {
        let f = Fixture::new(now());
        let st = Stories::new(f.data.library(), Theme::PLAIN);
        (f, st)
    }

    /// Writes a story titled `title` with `tag` through the editor, a minute after the last one.
    fn write(f: &mut Fixture, st: &mut Stories, title: &str, tag: &str) {
        f.now += chrono::Duration::minutes(1);
        f.update(st, &[Action::New, Action::Paste(title.into())]);
        // Title, Situation, Task, Action, Result, then Tags.
        f.update(st, &[const { Action::NextField }; 5]);
        f.update(st, &[Action::Paste(tag.into()), Action::Back]);
    }

    /// The titles the list shows, after checking the kept list is in use and matches a fresh one.
    fn shown(f: &Fixture, st: &Stories) -> Vec<String> {
        let ids = st.visible_ids(&f.data);
        assert!(matches!(ids, Cow::Borrowed(_)), "kept after update");
        assert_eq!(*ids, *st.work_out_list(&f.data), "kept list is up to date");
        st.visible(&f.data)
            .iter()
            .map(|s| s.title.clone())
            .collect()
    }

    #[test]
    fn the_kept_list_follows_saves_deletes_order_and_filter() {
        let (mut f, mut st) = stories();
        f.update(&mut st, &[Action::Top]);
        assert!(shown(&f, &st).is_empty());
        write(&mut f, &mut st, "Alpha", "teamwork");
        assert_eq!(shown(&f, &st), ["Alpha"]);
        write(&mut f, &mut st, "Beta", "safety");
        assert_eq!(shown(&f, &st), ["Beta", "Alpha"], "newest first");
        f.update(&mut st, &[Action::Sort]);
        assert_eq!(shown(&f, &st), ["Alpha", "Beta"], "by title");
        f.update(&mut st, &[Action::Down, Action::Delete]);
        assert_eq!(shown(&f, &st), ["Alpha"]);
        f.update(&mut st, &[Action::UndoDelete]);
        assert_eq!(shown(&f, &st), ["Alpha", "Beta"]);
        assert_eq!(st.selected_story(&f.data).unwrap().title, "Beta");
        f.update(&mut st, &[Action::Search]);
        type_keys(&mut f, &mut st, "bet");
        assert_eq!(shown(&f, &st), ["Beta"]);
        f.update(&mut st, &[Action::Back]);
        assert_eq!(shown(&f, &st), ["Alpha", "Beta"]);
    }

    #[test]
    fn the_kept_coverage_follows_the_stories_and_the_width() {
        let (mut f, mut st) = stories();
        write(&mut f, &mut st, "Calming an upset patient", "patient-care");
        f.update(&mut st, &[Action::Coverage]);
        let text = |d: &super::CoverageDoc| -> String {
            d.doc.lines.iter().map(|l| l.to_string() + "\n").collect()
        };
        let kept = st.coverage_doc(&f.data, &Theme::PLAIN, 117);
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert!(text(&kept).contains("Calming an upset patient"));
        assert_eq!(
            text(&kept),
            text(&super::coverage_doc(&st, &f.data, &Theme::PLAIN, 117))
        );
        assert!(
            matches!(st.coverage_doc(&f.data, &Theme::PLAIN, 77), Cow::Owned(_)),
            "another width is laid out afresh, never taken from the kept one"
        );

        // Back to the list, a second story, coverage again: it shows both.
        f.update(&mut st, &[Action::Back]);
        write(&mut f, &mut st, "Covering the front desk", "teamwork");
        f.update(&mut st, &[Action::Coverage]);
        let kept = st.coverage_doc(&f.data, &Theme::PLAIN, 117);
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert!(text(&kept).contains("Covering the front desk"));
    }

    /// Types `text` into the focused field, key by key.
    fn type_keys(f: &mut Fixture, st: &mut Stories, text: &str) {
        for c in text.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            f.update(st, &[Action::Edit(key)]);
        }
    }

    #[test]
    fn filtering_uses_folded_text_that_follows_edits() {
        let (mut f, mut st) = stories();
        write(&mut f, &mut st, "Alpha", "teamwork");
        write(&mut f, &mut st, "Beta", "safety");
        f.update(&mut st, &[Action::Search]);
        type_keys(&mut f, &mut st, "bet");
        assert_eq!(shown(&f, &st), ["Beta"]);
        let store = f.data.stories().unwrap();
        let want: Vec<_> = store.list_matching(st.order, "bet");
        assert_eq!(st.visible(&f.data), want, "as the store filters");
        f.update(&mut st, &[Action::Back]);

        // Rename Alpha to "Alphabet": the same filter now finds it too.
        f.update(
            &mut st,
            &[
                Action::Bottom,
                Action::Select,
                Action::Paste("bet".into()),
                Action::Back,
                Action::Search,
            ],
        );
        type_keys(&mut f, &mut st, "BET");
        assert_eq!(shown(&f, &st), ["Alphabet", "Beta"]);
        type_keys(&mut f, &mut st, " #team");
        assert_eq!(shown(&f, &st), ["Alphabet"]);
    }
}
