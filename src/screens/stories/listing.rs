//! The story list and the coverage view as the screen shows them, kept between frames: with ten
//! thousand stories, sorting and filtering them or laying out coverage on every key cost more than
//! a frame. The order is kept with what it came from (the store's change count and the order
//! chosen), the filter's matches as positions in it (see `shown`), and the coverage view with the
//! width too; all are worked out again in `update` when that changes (see [`crate::kit::derived`]).

pub use super::shown::Shown;

use super::view::{CoverageDoc, coverage_doc};
use super::{Stories, View};
use crate::domain::stories::{Filter, Order, Story, StoryId, StoryIndex};
use crate::kit::{AppData, Theme};
use std::borrow::Cow;

/// What the list's order is worked out from: the stores' change count and the order chosen.
pub(super) type Base = (u64, Order);

#[derive(Debug, Clone, PartialEq)]
pub(super) struct CoverageKey {
    changes: u64,
    /// The roles in focus pick which open questions are gaps.
    focus: u64,
    order: Order,
    width: usize,
    theme: Theme,
}

/// Text width of the coverage view at terminal width `w`: inside its borders, beside the scrollbar.
pub(super) fn coverage_width(w: u16) -> usize {
    usize::from(w.saturating_sub(3))
}

impl Stories {
    fn base(&self, data: &AppData) -> Base {
        (data.stories_changes(), self.order)
    }

    /// The list worked out from the store, without anything kept: the slow way.
    fn work_out_list(&self, data: &AppData, filter: &Filter) -> Shown<'static> {
        let list = data.stories().map_or_else(Vec::new, |s| s.list(self.order));
        let picks = (!filter.is_empty()).then(|| {
            let picked = list.iter().enumerate().filter(|(_, s)| filter.matches(s));
            picked.map(|(i, _)| i as u32).collect()
        });
        Shown {
            ids: Cow::Owned(list.iter().map(|s| s.id.clone()).collect()),
            picks: picks.map(Cow::Owned),
        }
    }

    /// The stories the list shows: all of them in the chosen order, narrowed by the filter.
    pub fn shown(&self, data: &AppData) -> Shown<'_> {
        let base = self.base(data);
        let filter = Filter::new(&self.filter_text());
        if let Some(ids) = self.kept_order.get(&base) {
            let picks = match filter.is_empty() {
                true => Some(None),
                false => self.picks.get(&base, &filter).map(Some),
            };
            if let Some(picks) = picks {
                return Shown {
                    ids: Cow::Borrowed(ids),
                    picks: picks.map(Cow::Borrowed),
                };
            }
        }
        self.work_out_list(data, &filter)
    }

    /// The stories the list shows, in order.
    #[cfg(test)]
    pub fn visible<'a>(&self, data: &'a AppData) -> Vec<&'a Story> {
        let Some(store) = data.stories() else {
            return Vec::new();
        };
        let shown = self.shown(data);
        shown.iter().filter_map(|id| store.get(id)).collect()
    }

    /// How many stories the list shows.
    pub fn visible_len(&self, data: &AppData) -> usize {
        self.shown(data).len()
    }

    /// The story at `i` in the list as shown.
    pub fn visible_at<'a>(&self, data: &'a AppData, i: usize) -> Option<&'a Story> {
        let store = data.stories()?;
        self.shown(data).get(i).and_then(|id| store.get(id))
    }

    pub fn selected_story<'a>(&self, data: &'a AppData) -> Option<&'a Story> {
        self.visible_at(data, self.selected)
    }

    /// Where `id` is in the list as shown.
    pub(super) fn position_of(&self, data: &AppData, id: &StoryId) -> Option<usize> {
        self.shown(data).iter().position(|x| x == id)
    }

    fn coverage_key(&self, data: &AppData, t: &Theme, width: usize) -> CoverageKey {
        CoverageKey {
            changes: data.stories_changes(),
            focus: data.focus_version(),
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

    /// Keeps the list's order and the filter's matches up to date: the order when the stories or
    /// the order chosen changed, the stories' word index once the filter is used, and the matches
    /// of the query typed.
    fn refresh_list(&mut self, data: &AppData) {
        let base = self.base(data);
        let Some(store) = data.stories() else {
            return;
        };
        if self.kept_order.get(&base).is_none() {
            let ids = store.list(self.order).into_iter().map(|s| s.id.clone());
            let ids: Vec<StoryId> = ids.collect();
            self.kept_order.refresh(base, || ids);
        }
        let filter = Filter::new(&self.filter_text());
        if filter.is_empty() {
            return;
        }
        if self.kept_index.get(&base).is_none()
            && let Some(ids) = self.kept_order.get(&base)
        {
            // Numbered in list order: the kept order holds only ids the store has.
            let index = StoryIndex::build(ids.iter().filter_map(|id| store.get(id)));
            self.kept_index.refresh(base, || index);
        }
        if let Some(index) = self.kept_index.get(&base) {
            self.picks.refresh(base, filter, index);
        }
    }

    /// Works out again what the list or coverage view draws, if its inputs changed. Only for the
    /// view showing: while a story is edited, its saves leave the list to be worked out on the way
    /// back to it.
    pub fn refresh_derived(&mut self, data: &AppData, _theme: &Theme, size: (u16, u16)) {
        if self.view == View::List {
            self.refresh_list(data);
            self.listed = self.visible_len(data);
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
    use crate::domain::stories::Filter;
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
        let kept = st.shown(&f.data);
        assert!(kept.is_kept(), "kept after update");
        let filter = Filter::new(&st.filter_text());
        let fresh = st.work_out_list(&f.data, &filter);
        let ids = |s: &super::Shown| s.iter().cloned().collect::<Vec<_>>();
        assert_eq!(ids(&kept), ids(&fresh), "kept list is up to date");
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

    /// Presses Backspace in the focused field.
    fn erase(f: &mut Fixture, st: &mut Stories) {
        let key = KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE);
        f.update(st, &[Action::Edit(key)]);
    }

    /// The queries whose matches are kept, widest first.
    fn kept_queries(st: &Stories) -> Vec<Filter> {
        st.picks.stack.iter().map(|(f, _)| f.clone()).collect()
    }

    #[test]
    fn typed_and_erased_letters_narrow_and_reuse_the_kept_matches() {
        let (mut f, mut st) = stories();
        for (title, tag) in [
            ("Alpha belt", "teamwork"),
            ("Beta belt", "safety"),
            ("Bravo gait", "team"),
            ("Café rush", "patient-care"),
        ] {
            write(&mut f, &mut st, title, tag);
        }
        f.update(&mut st, &[Action::Search]);
        // Each step is checked against the list worked out afresh (in `shown`).
        let mut steps: Vec<(String, Vec<&str>)> = Vec::new();
        for (c, want) in [
            ('b', vec!["Bravo gait", "Beta belt", "Alpha belt"]),
            ('e', vec!["Beta belt", "Alpha belt"]),
            ('l', vec!["Beta belt", "Alpha belt"]),
            (' ', vec!["Beta belt", "Alpha belt"]),
            ('#', vec!["Beta belt", "Alpha belt"]),
            ('t', vec!["Beta belt", "Alpha belt"]),
            ('e', vec!["Alpha belt"]),
        ] {
            type_keys(&mut f, &mut st, &c.to_string());
            assert_eq!(shown(&f, &st), want, "after {c:?}");
            steps.push((st.filter_text(), want));
        }
        assert_eq!(
            kept_queries(&st),
            ["b", "be", "bel", "bel #t", "bel #te"].map(Filter::new),
            "one list per distinct query, each narrowing the one before"
        );
        // Erasing walks back through the kept lists without working any out again.
        for (query, want) in steps.iter().rev().skip(1) {
            erase(&mut f, &mut st);
            assert_eq!(st.filter_text(), *query);
            assert_eq!(shown(&f, &st), *want, "back at {query:?}");
        }
        assert_eq!(kept_queries(&st), [Filter::new("b")]);
        // A letter that does not narrow drops the lists it does not narrow.
        erase(&mut f, &mut st);
        type_keys(&mut f, &mut st, "caf");
        assert_eq!(shown(&f, &st), ["Café rush"]);
        assert_eq!(kept_queries(&st), ["c", "ca", "caf"].map(Filter::new));
        type_keys(&mut f, &mut st, "x");
        assert!(shown(&f, &st).is_empty());
    }

    #[test]
    fn kept_matches_follow_a_story_changed_while_the_filter_is_set() {
        let (mut f, mut st) = stories();
        write(&mut f, &mut st, "Alpha", "teamwork");
        write(&mut f, &mut st, "Beta", "safety");
        f.update(&mut st, &[Action::Search]);
        type_keys(&mut f, &mut st, "alp");
        assert_eq!(shown(&f, &st), ["Alpha"]);
        f.update(&mut st, &[Action::Select]);
        // Open Beta (the filter still shows only Alpha, so clear it first), retitle it.
        f.update(&mut st, &[Action::Back, Action::Top, Action::Select]);
        assert_eq!(st.view, super::View::Edit);
        f.update(&mut st, &[Action::Paste(" alpine".into()), Action::Back]);
        f.update(&mut st, &[Action::Search]);
        type_keys(&mut f, &mut st, "alp");
        assert_eq!(shown(&f, &st), ["Beta alpine", "Alpha"]);
        erase(&mut f, &mut st);
        assert_eq!(shown(&f, &st), ["Beta alpine", "Alpha"]);
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
