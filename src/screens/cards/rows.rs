//! The deck list's rows: what each deck holds now under the filters, counted in one pass over the
//! cards and kept between frames until a grade, a filter, the day or a card coming due changes them.

use super::{Cards, DeckRow};
use crate::derived::Derived;
use crate::schedule::{Counts, Ledger, Phase, ReviewStore, Standing, new_allowance};
use crate::study::Filter;
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;

/// What the rows are worked out from, besides the clock.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct RowsKey {
    filter: Filter,
    /// The review history's last record number and size: every grade and undo adds a record.
    last_seq: u64,
    states: usize,
    daily_new_limit: u32,
    /// The new-card allowance is per local day.
    today: NaiveDate,
}

/// Rows kept with the span of time they hold for: standings change only when a card comes due.
#[derive(Debug, Clone)]
pub(super) struct KeptRows {
    rows: Vec<DeckRow>,
    from_ms: i64,
    /// When the first card comes due after `from_ms` (`i64::MAX` when none will).
    until_ms: i64,
}

pub(super) type RowsCache = Derived<RowsKey, KeptRows>;

fn key(c: &Cards, store: &ReviewStore, now: DateTime<Utc>) -> RowsKey {
    RowsKey {
        filter: c.filter.clone(),
        last_seq: store.ledger().last_seq(),
        states: store.ledger().cards().len(),
        daily_new_limit: store.settings().daily_new_limit,
        today: store.today(now),
    }
}

/// The first moment after `now_ms` at which some card's standing changes: the earliest due time still
/// ahead among the cards already studied (unseen cards stay new whatever the time).
fn next_change(ledger: &Ledger, now_ms: i64) -> i64 {
    ledger
        .cards()
        .values()
        .filter(|c| c.phase != Phase::New && c.due_ms > now_ms)
        .map(|c| c.due_ms)
        .min()
        .unwrap_or(i64::MAX)
}

impl Cards {
    /// Every deck with what it holds now, under the current filters, worked out afresh. Each card's
    /// standing is read once and tallied into every deck that holds it.
    pub fn rows(&self, store: &ReviewStore, now: DateTime<Utc>) -> Vec<DeckRow> {
        let cat = &self.catalogue;
        let allowance = new_allowance(store.ledger(), store.settings(), store.today(now));
        let standings = cat.standings(store.ledger(), now);
        let mut rows: Vec<DeckRow> = cat
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
        let tally = |row: &mut DeckRow, standing: Standing| {
            row.total += 1;
            match standing {
                Standing::Unseen => row.counts.new += 1,
                Standing::Learning => row.counts.learning += 1,
                Standing::Due => row.counts.due += 1,
                Standing::Later => {}
            }
        };
        for (i, (card, &standing)) in cat.cards.iter().zip(&standings).enumerate() {
            if !self.filter.matches(card) {
                continue;
            }
            if let Some(row) = rows.first_mut() {
                tally(row, standing);
            }
            for (r, (role, _)) in cat.roles.iter().enumerate() {
                if card.for_role(role)
                    && let Some(row) = rows.get_mut(1 + r)
                {
                    tally(row, standing);
                }
            }
            if let Some(row) = cat
                .subject_index(i)
                .and_then(|s| rows.get_mut(1 + roles + s))
            {
                tally(row, standing);
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
        let now_ms = now.timestamp_millis();
        match self.kept_rows.get(&key(self, store, now)) {
            Some(k) if (k.from_ms..k.until_ms).contains(&now_ms) => Cow::Borrowed(&k.rows),
            _ => Cow::Owned(self.rows(store, now)),
        }
    }

    /// Works the rows out again if what they depend on changed, so the next frames only draw them.
    pub fn refresh_rows(&mut self, store: &ReviewStore, now: DateTime<Utc>) {
        let now_ms = now.timestamp_millis();
        let key = key(self, store, now);
        if let Some(k) = self.kept_rows.get(&key)
            && (k.from_ms..k.until_ms).contains(&now_ms)
        {
            return;
        }
        self.kept_rows.clear();
        let rows = self.rows(store, now);
        let until_ms = next_change(store.ledger(), now_ms);
        self.kept_rows.refresh(key, || KeptRows {
            rows,
            from_ms: now_ms,
            until_ms,
        });
    }
}
