//! The deck list's rows: what each deck holds now under the filters, counted in one pass over the
//! cards and kept between frames until a grade, a filter, the day or a card coming due changes them.
//! Each card's standing (new, learning, due, later) is kept too, so a filter change only re-tallies,
//! and Home's "cards due today" and "My interview" numbers are counted from the same standings once
//! and kept with them (a grade updates both), so a screen switch counts nothing again.

use super::{Cards, DeckRow};
use crate::domain::plan::DeckNumbers;
use crate::domain::schedule::{Counts, Ledger, Phase, ReviewStore, Standing, new_allowance};
use crate::domain::study::Filter;
use crate::domain::study::catalogue::Tally;
use crate::kit::AppData;
use crate::kit::derived::Derived;
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;

/// Something worked out from the review history that holds from `from_ms` until `until_ms`, when
/// the next card comes due (`i64::MAX` when none will): standings change only then.
#[derive(Debug, Clone)]
pub(super) struct Timed<T> {
    value: T,
    from_ms: i64,
    until_ms: i64,
}

impl<T> Timed<T> {
    fn holds_at(&self, now_ms: i64) -> bool {
        (self.from_ms..self.until_ms).contains(&now_ms)
    }
}

/// The review history's last record number and size: every grade and undo adds a record.
type History = (u64, usize);

fn history(store: &ReviewStore) -> History {
    (store.ledger().last_seq(), store.ledger().cards().len())
}

/// What the rows are worked out from, besides the clock.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RowsKey {
    filter: Filter,
    /// What "My interview" holds changes with the profile and the all-roles switch.
    focus: u64,
    history: History,
    daily_new_limit: u32,
    /// The new-card allowance is per local day.
    today: NaiveDate,
}

/// Each card's standing, in catalogue order, with the counts Home reads, once counted.
#[derive(Debug, Clone)]
pub(super) struct Stood {
    each: Vec<Standing>,
    /// Every distinct card by standing (`Catalogue::tally`): Home's "cards due today".
    all: Option<Tally>,
    /// "My interview"'s numbers, with the focus version they were counted under.
    interview: Option<(u64, DeckNumbers)>,
}

impl Stood {
    fn new(each: Vec<Standing>) -> Stood {
        Stood {
            each,
            all: None,
            interview: None,
        }
    }

    /// A card's standing went from `old` to `new`: the counts follow. `held` says whether "My
    /// interview" holds it. Only for catalogues whose ids are all different, where each card
    /// counts once.
    fn recount(&mut self, old: Standing, new: Standing, held: bool) {
        if let Some(t) = &mut self.all {
            for (standing, add) in [(old, false), (new, true)] {
                let n = match standing {
                    Standing::Unseen => &mut t.unseen,
                    Standing::Learning => &mut t.learning,
                    Standing::Due => &mut t.due,
                    Standing::Later => continue,
                };
                *n = if add { *n + 1 } else { n.saturating_sub(1) };
            }
        }
        if let Some((_, d)) = self.interview.as_mut().filter(|_| held) {
            for (standing, add) in [(old, false), (new, true)] {
                let n = match standing {
                    Standing::Unseen => &mut d.unseen,
                    Standing::Learning | Standing::Due => &mut d.due,
                    Standing::Later => continue,
                };
                *n = if add { *n + 1 } else { n.saturating_sub(1) };
            }
        }
    }
}

/// Each card's standing, and the deck rows, kept between frames.
#[derive(Debug, Default)]
pub(super) struct Kept {
    standings: Derived<History, Timed<Stood>>,
    rows: Derived<RowsKey, Timed<Vec<DeckRow>>>,
}

fn key(c: &Cards, store: &ReviewStore, now: DateTime<Utc>) -> RowsKey {
    RowsKey {
        filter: c.filter.clone(),
        focus: c.focus_version,
        history: history(store),
        daily_new_limit: store.settings().daily_new_limit,
        today: store.today(now),
    }
}

/// Counts one card's `standing` in each row that holds it: My interview (when `held`), All cards,
/// its roles' rows (`roles_of`, indices into the catalogue's `roles` roles), then its subject's row.
fn tally_card(
    rows: &mut [DeckRow],
    (standing, held): (Standing, bool),
    roles: usize,
    roles_of: impl Iterator<Item = usize>,
    subject: Option<usize>,
) {
    let picked = [held.then_some(0), Some(1)]
        .into_iter()
        .flatten()
        .chain(roles_of.map(|r| 2 + r))
        .chain(subject.map(|s| 2 + roles + s));
    for r in picked {
        let Some(row) = rows.get_mut(r) else {
            continue;
        };
        row.total += 1;
        match standing {
            Standing::Unseen => row.counts.new += 1,
            Standing::Learning => row.counts.learning += 1,
            Standing::Due => row.counts.due += 1,
            Standing::Later => {}
        }
    }
}

/// The first moment after `now_ms` at which some card's standing changes: the earliest due time still
/// ahead among the cards already studied (unseen cards stay new whatever the time).
fn next_change(ledger: &Ledger, now_ms: i64) -> i64 {
    ledger
        .cards()
        .all_keys()
        .filter(|k| k.is_studied() && k.due_ms() > now_ms)
        .map(|k| k.due_ms())
        .min()
        .unwrap_or(i64::MAX)
}

impl Cards {
    /// Each card's standing now, in catalogue order: the kept ones while they hold.
    pub(super) fn standings_now(
        &self,
        store: &ReviewStore,
        now: DateTime<Utc>,
    ) -> Cow<'_, [Standing]> {
        match self.kept.standings.get(&history(store)) {
            Some(k) if k.holds_at(now.timestamp_millis()) => Cow::Borrowed(&k.value.each),
            _ => Cow::Owned(self.catalogue.standings(store.ledger(), now)),
        }
    }

    /// Works the standings out again if a grade or the clock changed them: after a few grades or
    /// undos, only for the cards they changed (every card is a pass like `counts`, milliseconds at
    /// 100,000 cards); otherwise for every card. True when only the changed cards were worked out.
    pub(super) fn refresh_standings(&mut self, store: &ReviewStore, now: DateTime<Utc>) -> bool {
        let now_ms = now.timestamp_millis();
        let key = history(store);
        if self
            .kept
            .standings
            .get(&key)
            .is_some_and(|k| k.holds_at(now_ms))
        {
            return false;
        }
        if let Some(kept) = self.kept.standings.take()
            && let Some(value) = self.restand(kept, store, now)
        {
            self.kept.standings.refresh(key, || value);
            return true;
        }
        let value = Stood::new(self.catalogue.standings(store.ledger(), now));
        let until_ms = next_change(store.ledger(), now_ms);
        self.kept.standings.clear();
        self.kept.standings.refresh(key, || Timed {
            value,
            from_ms: now_ms,
            until_ms,
        });
        false
    }

    /// The kept standings (and the counts kept with them) brought up to date for the cards graded
    /// or undone since they were kept, or `None` when that cannot be done (they no longer hold,
    /// or which cards changed is unknown). Every other card's standing holds until `until_ms`; a
    /// changed card's holds until it is due.
    fn restand(
        &self,
        (from, mut kept): (History, Timed<Stood>),
        store: &ReviewStore,
        now: DateTime<Utc>,
    ) -> Option<Timed<Stood>> {
        let now_ms = now.timestamp_millis();
        if !kept.holds_at(now_ms) {
            return None;
        }
        for id in store.changed_since(from.0)? {
            let state = store.ledger().state(id);
            let standing = Standing::of(state, now);
            let at = self.catalogue.position(id);
            let old = at.and_then(|i| Some((i, *kept.value.each.get(i)?)));
            // Only where each id is one card can one card's standing be set, and counted again.
            if !self
                .catalogue
                .set_standing(&mut kept.value.each, id, standing)
            {
                return None;
            }
            if let Some((i, old)) = old {
                kept.value.recount(old, standing, self.holds(i));
            }
            if let Some(c) = state.filter(|c| c.phase != Phase::New && c.due_ms > now_ms) {
                kept.until_ms = kept.until_ms.min(c.due_ms);
            }
        }
        kept.from_ms = now_ms;
        Some(kept)
    }

    /// Cards in a learning step and due, and on a day schedule and due, over the whole catalogue
    /// (each id once): Home's "cards due today".
    /// Counted once for the kept standings and kept with them; over the cards as loaded now.
    pub fn waiting(&mut self, data: &AppData, now: DateTime<Utc>) -> (usize, usize) {
        self.sync_focus(data);
        let Some(store) = data.reviews() else {
            return (0, 0);
        };
        self.refresh_standings(store, now);
        let key = history(store);
        let kept = self.kept.standings.get(&key).and_then(|k| k.value.all);
        let tally = kept.unwrap_or_else(|| self.catalogue.tally(&self.standings_now(store, now)));
        if let Some(k) = self.kept.standings.get_mut(&key) {
            k.value.all = Some(tally);
        }
        (tally.learning, tally.due)
    }

    /// "My interview" as it stands now, whatever the filters: its size, what is unseen and what is
    /// due, from the kept standings (Home's plan and today's new-card pace read it).
    pub fn interview_numbers(&mut self, data: &AppData, now: DateTime<Utc>) -> DeckNumbers {
        self.sync_focus(data);
        let Some(store) = data.reviews() else {
            return DeckNumbers::default();
        };
        self.refresh_standings(store, now);
        let key = history(store);
        let version = self.focus_version;
        let kept = self
            .kept
            .standings
            .get(&key)
            .and_then(|k| k.value.interview);
        if let Some((v, n)) = kept
            && v == version
        {
            return n;
        }
        let standings = self.standings_now(store, now);
        let mut n = DeckNumbers::default();
        for (i, standing) in standings.iter().enumerate() {
            if !self.holds(i) {
                continue;
            }
            n.total += 1;
            match standing {
                Standing::Unseen => n.unseen += 1,
                Standing::Learning | Standing::Due => n.due += 1,
                Standing::Later => {}
            }
        }
        if let Some(k) = self.kept.standings.get_mut(&key) {
            k.value.interview = Some((version, n));
        }
        n
    }

    /// Every deck with what it holds now, under the current filters. Each card's standing is read
    /// once and tallied into every deck that holds it.
    pub fn rows(&self, store: &ReviewStore, now: DateTime<Utc>) -> Vec<DeckRow> {
        let cat = &self.catalogue;
        let allowance = new_allowance(store.ledger(), store.settings(), store.today(now));
        let standings = self.standings_now(store, now);
        let mut rows: Vec<DeckRow> = self
            .decks()
            .into_iter()
            .map(|deck| DeckRow {
                label: cat.deck_label(&deck),
                counts: Counts::default(),
                total: 0,
                seen: 0,
                deck,
            })
            .collect();
        let roles = cat.roles.len();
        // The fast way reads the catalogue's columns, with each card's roles as bits.
        let fast = cat.for_each_passing(&self.filter, |i, bits, subject| {
            if let Some(&standing) = standings.get(i) {
                let roles_of = (0..roles.min(64)).filter(|r| bits >> r & 1 != 0);
                let card = (standing, self.holds(i));
                tally_card(&mut rows, card, roles, roles_of, Some(subject));
            }
        });
        // Otherwise go through the cards themselves.
        let slow = cat.cards.iter().zip(standings.iter()).enumerate();
        for (i, (card, &standing)) in slow.filter(|_| !fast) {
            if self.filter.matches(card) {
                let roles_of = (0..roles).filter(|&r| card.for_role(&cat.roles[r].0));
                let card = (standing, self.holds(i));
                tally_card(&mut rows, card, roles, roles_of, cat.subject_index(i));
            }
        }
        for row in &mut rows {
            row.seen = row.total - row.counts.new;
            row.counts.new = row.counts.new.min(allowance);
        }
        rows
    }

    /// The rows to draw now: the kept ones while they still hold, otherwise worked out on the spot.
    pub fn deck_rows(&self, store: &ReviewStore, now: DateTime<Utc>) -> Cow<'_, [DeckRow]> {
        match self.kept.rows.get(&key(self, store, now)) {
            Some(k) if k.holds_at(now.timestamp_millis()) => Cow::Borrowed(&k.value),
            _ => Cow::Owned(self.rows(store, now)),
        }
    }

    /// Works the rows out again if what they depend on changed, so the next frames only draw them.
    pub fn refresh_rows(&mut self, store: &ReviewStore, now: DateTime<Utc>) {
        let now_ms = now.timestamp_millis();
        let key = key(self, store, now);
        if self.kept.rows.get(&key).is_some_and(|k| k.holds_at(now_ms)) {
            return;
        }
        self.refresh_standings(store, now);
        let until_ms = match self.kept.standings.get(&key.history) {
            Some(k) => k.until_ms,
            None => next_change(store.ledger(), now_ms),
        };
        let value = self.rows(store, now);
        self.kept.rows.clear();
        self.kept.rows.refresh(key, || Timed {
            value,
            from_ms: now_ms,
            until_ms,
        });
    }
}
