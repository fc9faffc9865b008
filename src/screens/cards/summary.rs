//! What the end-of-session summary says is left in "My interview", worked out from the kept standings
//! when a grade, the focus, the day or the clock changes it, and kept between frames: the summary
//! used to count every card on every frame (146 ms a frame at 100,000 cards).

use super::Cards;
use crate::domain::schedule::{ReviewStore, Standing, StandingAt, new_allowance};
use crate::kit::derived::Derived;
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;

/// Cards of "My interview" still waiting today, as `schedule::counts` gives them for the deck, how
/// many it holds and how many are not studied yet, and when the next card comes due if none is
/// waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Left {
    /// Due now: in a learning step or on a day schedule.
    pub due: usize,
    /// New cards still allowed today.
    pub new: usize,
    /// Cards in "My interview".
    pub total: usize,
    /// Of those, cards not studied yet.
    pub unseen: usize,
    /// When the next card comes due, if nothing is waiting now.
    pub next: Option<DateTime<Utc>>,
}

/// What `Left` is worked out from besides the clock: the review history's last record number and
/// size (every grade and undo adds a record), the day and the daily limit.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    history: (u64, usize),
    /// What "My interview" holds changes with the profile and the all-roles switch.
    focus: u64,
    today: NaiveDate,
    daily_new_limit: u32,
}

fn key(c: &Cards, store: &ReviewStore, now: DateTime<Utc>) -> Key {
    Key {
        history: (store.ledger().last_seq(), store.ledger().cards().len()),
        focus: c.focus_version,
        today: store.today(now),
        daily_new_limit: store.settings().daily_new_limit,
    }
}

/// `Left` kept with the span of time it holds for: from when it was worked out until the first due
/// time after that (of any card with a state), when a standing or the next due time changes.
#[derive(Debug, Default)]
pub(super) struct Kept(Derived<Key, (Left, i64, i64)>);

/// The first due time after `now_ms` of any card with a state (`i64::MAX` if none).
fn next_due_ms(store: &ReviewStore, now_ms: i64) -> i64 {
    store
        .ledger()
        .cards()
        .values()
        .map(|c| c.due_ms)
        .filter(|&d| d > now_ms)
        .min()
        .unwrap_or(i64::MAX)
}

impl Cards {
    /// `Left` worked out now, from the standings (kept ones while they hold) of the cards "My
    /// interview" holds. On the eve of the interview a card due after it counts as due now, as the
    /// study queue has it (see `StandingAt`).
    fn left(&self, store: &ReviewStore, now: DateTime<Utc>) -> Left {
        let standings = self.standings_now(store, now);
        let today = store.today(now);
        let settings = store.settings();
        let at = StandingAt::new(now, settings, today);
        let (mut due, mut unseen, mut total) = (0, 0, 0);
        for (i, standing) in standings.iter().enumerate() {
            if !self.holds(i) {
                continue;
            }
            let standing = match (at.is_eve(), standing, self.catalogue.cards.get(i)) {
                (true, Standing::Later, Some(card)) => at.of(store.state(&card.id)),
                _ => *standing,
            };
            total += 1;
            match standing {
                Standing::Unseen => unseen += 1,
                Standing::Learning | Standing::Due => due += 1,
                Standing::Later => {}
            }
        }
        let new = unseen.min(new_allowance(store.ledger(), settings, today));
        let next = (due + new == 0)
            .then(|| next_due_ms(store, now.timestamp_millis()))
            .filter(|&ms| ms < i64::MAX)
            .and_then(DateTime::from_timestamp_millis);
        Left {
            due,
            new,
            total,
            unseen,
            next,
        }
    }

    /// What the summary shows as left: the kept value while it holds, else worked out on the spot.
    pub fn summary_left(&self, store: &ReviewStore, now: DateTime<Utc>) -> Cow<'_, Left> {
        let now_ms = now.timestamp_millis();
        match self.summary.0.get(&key(self, store, now)) {
            Some((left, from, until)) if (*from..*until).contains(&now_ms) => Cow::Borrowed(left),
            _ => Cow::Owned(self.left(store, now)),
        }
    }

    /// Works `Left` out again if a grade, the day or the clock changed it, so frames only draw it.
    pub(super) fn refresh_summary(&mut self, store: &ReviewStore, now: DateTime<Utc>) {
        let now_ms = now.timestamp_millis();
        let key = key(self, store, now);
        if let Some((_, from, until)) = self.summary.0.get(&key)
            && (*from..*until).contains(&now_ms)
        {
            return;
        }
        self.refresh_standings(store, now);
        let left = self.left(store, now);
        let until = next_due_ms(store, now_ms);
        self.summary.0.clear();
        self.summary.0.refresh(key, || (left, now_ms, until));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Grade, counts};
    use crate::domain::study::Filter;
    use crate::kit::fixture::Fixture;
    use crate::kit::{Action, Screen};
    use crate::screens::cards::View;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_424_400, 0).unwrap()
    }

    /// What the summary would say counted the slow way: every card of "My interview" through
    /// `schedule::counts`, and the soonest due time when nothing is left.
    fn slow(cards: &Cards, f: &Fixture) -> Left {
        let store = f.data.reviews().unwrap();
        let all = cards.focus.select(&cards.catalogue, &Filter::default());
        let c = counts(
            &all,
            store.ledger(),
            store.settings(),
            store.today(f.now),
            f.now,
        );
        let waiting = c.learning + c.due + c.new;
        let next = store
            .ledger()
            .cards()
            .values()
            .map(|s| s.due())
            .filter(|d| *d > f.now)
            .min()
            .filter(|_| waiting == 0);
        Left {
            due: c.learning + c.due,
            new: c.new,
            total: all.len(),
            unseen: all.iter().filter(|id| store.state(id).is_none()).count(),
            next,
        }
    }

    fn drawn(cards: &Cards, f: &Fixture) -> (Left, bool) {
        let left = cards.summary_left(f.data.reviews().unwrap(), f.now);
        (*left, matches!(left, Cow::Borrowed(_)))
    }

    #[test]
    fn the_summary_is_worked_out_once_and_never_drawn_stale() {
        let mut f = Fixture::new(now());
        let mut cards = Cards::new(f.data.library());
        // A session with an Again: the card comes back in a learning step minutes later.
        f.update(
            &mut cards,
            &[
                Action::Select,
                Action::Reveal,
                Action::Grade(Grade::Again),
                Action::Reveal,
                Action::Grade(Grade::Good),
                Action::Back,
            ],
        );
        assert_eq!(cards.view, View::Summary);
        let (left, kept) = drawn(&cards, &f);
        assert!(kept, "worked out when the session ended, not per frame");
        assert_eq!(left, slow(&cards, &f));

        // Time passes until the Again card is due: a frame without a tick already shows it.
        f.now += chrono::Duration::hours(1);
        let (due, kept) = drawn(&cards, &f);
        assert!(!kept, "the kept value ran out when the card came due");
        assert_eq!(due, slow(&cards, &f));
        assert!(due.due > left.due, "{due:?} {left:?}");
        cards.refresh(&f.view());
        assert_eq!(drawn(&cards, &f), (due, true));

        // An undo from the summary is a change too.
        f.update(&mut cards, &[Action::UndoGrade, Action::Back]);
        assert_eq!(cards.view, View::Summary);
        let (undone, kept) = drawn(&cards, &f);
        assert!(kept);
        assert_eq!(undone, slow(&cards, &f));
    }

    #[test]
    fn with_nothing_left_the_summary_names_the_next_due_time() {
        let mut f = Fixture::new(now());
        let mut cards = Cards::new(f.data.library());
        let limit = f.data.reviews().unwrap().settings().daily_new_limit;
        assert!(limit > 0);
        let settings = crate::domain::schedule::Settings {
            daily_new_limit: 0,
            ..*f.data.reviews().unwrap().settings()
        };
        f.data.set_study_settings(settings);
        let first = cards.catalogue.cards[0].id.clone();
        f.data
            .writer()
            .unwrap()
            .reviews()
            .unwrap()
            .grade(&first, Grade::Good, now())
            .unwrap();
        cards.refresh_summary(f.data.reviews().unwrap(), f.now);
        let (left, kept) = drawn(&cards, &f);
        assert!(kept);
        assert_eq!(left, slow(&cards, &f));
        assert_eq!((left.due, left.new), (0, 0));
        assert!(left.next.is_some_and(|d| d > f.now), "{left:?}");
    }
}
