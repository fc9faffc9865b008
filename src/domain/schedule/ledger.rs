//! The in-memory review history: card states, day counts and the undo stack, built by applying records.

use super::card::{CardState, Phase};
use super::card_table::CardTable;
use super::days::{DayZone, streak};
use super::record::Record;
use crate::domain::content::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet, VecDeque};

/// How many grades can be undone, newest first. Bounded so the snapshot stays small; nobody undoes a
/// hundred grades one by one.
pub const UNDO_DEPTH: usize = 100;

/// A grade that can still be undone: what the card was before it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoEntry {
    pub seq: u64,
    pub card: Id,
    pub reviewed_ms: i64,
    /// `None` when the grade was the card's first review.
    pub previous: Option<CardState>,
}

/// Everything known from the journal, as plain data. Applying the same records in the same order always
/// gives an equal ledger, which is what lets a snapshot stand in for a prefix of the journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ledger {
    pub(super) cards: CardTable,
    pub(super) reviews_per_day: BTreeMap<NaiveDate, u32>,
    pub(super) new_per_day: BTreeMap<NaiveDate, u32>,
    pub(super) undo: VecDeque<UndoEntry>,
    pub(super) last_seq: u64,
}

fn bump(map: &mut BTreeMap<NaiveDate, u32>, day: NaiveDate) {
    let n = map.entry(day).or_default();
    *n = n.saturating_add(1);
}

/// Takes one off a day's count, dropping the day when it reaches zero so an undone day looks the same
/// as a day never studied.
fn drop_one(map: &mut BTreeMap<NaiveDate, u32>, day: NaiveDate) {
    if let Some(n) = map.get_mut(&day) {
        *n = n.saturating_sub(1);
        if *n == 0 {
            map.remove(&day);
        }
    }
}

fn is_new(state: Option<&CardState>) -> bool {
    state.is_none_or(|s| s.phase == Phase::New)
}

impl Ledger {
    /// Updates the ledger with one record. Parse-only: the record carries the resulting state.
    pub(super) fn apply(&mut self, record: &Record, zone: DayZone) {
        match record {
            Record::Grade {
                seq,
                card,
                reviewed_ms,
                state,
                ..
            } => {
                let day = zone.date_of_ms(*reviewed_ms);
                let previous = self.cards.insert(card.clone(), state.clone());
                bump(&mut self.reviews_per_day, day);
                if is_new(previous.as_ref()) {
                    bump(&mut self.new_per_day, day);
                }
                self.undo.push_back(UndoEntry {
                    seq: *seq,
                    card: card.clone(),
                    reviewed_ms: *reviewed_ms,
                    previous,
                });
                if self.undo.len() > UNDO_DEPTH {
                    self.undo.pop_front();
                }
            }
            Record::Undo {
                card,
                undone_seq,
                undone_reviewed_ms,
                previous,
                ..
            } => {
                let day = zone.date_of_ms(*undone_reviewed_ms);
                drop_one(&mut self.reviews_per_day, day);
                if is_new(previous.as_ref()) {
                    drop_one(&mut self.new_per_day, day);
                }
                match previous {
                    Some(s) => {
                        self.cards.insert(card.clone(), s.clone());
                    }
                    None => {
                        self.cards.remove(card);
                    }
                }
                if let Some(i) = self.undo.iter().rposition(|e| e.seq == *undone_seq) {
                    self.undo.remove(i);
                }
            }
        }
        self.last_seq = self.last_seq.max(record.seq());
    }

    /// A ledger of day counts alone, no cards: what `clinicprep status` needs of the history once
    /// the cards' part is kept (see `cli::status_cards`).
    pub fn of_days(
        reviews_per_day: BTreeMap<NaiveDate, u32>,
        new_per_day: BTreeMap<NaiveDate, u32>,
    ) -> Ledger {
        Ledger {
            reviews_per_day,
            new_per_day,
            ..Ledger::default()
        }
    }

    /// Reviews and new cards a day, for [`Ledger::of_days`].
    pub fn days(&self) -> (&BTreeMap<NaiveDate, u32>, &BTreeMap<NaiveDate, u32>) {
        (&self.reviews_per_day, &self.new_per_day)
    }

    pub fn state(&self, id: &Id) -> Option<&CardState> {
        self.cards.get(id)
    }

    /// Every card that has a state, in id order.
    pub fn cards(&self) -> &CardTable {
        &self.cards
    }

    /// Lays the card states out in one list again after a load or a run of first grades (see
    /// [`CardTable::settle`]).
    pub(super) fn settle(&mut self) {
        self.cards.settle();
    }

    pub fn last_seq(&self) -> u64 {
        self.last_seq
    }

    /// The grade an undo would reverse, if any.
    pub fn undo_top(&self) -> Option<&UndoEntry> {
        self.undo.back()
    }

    pub fn reviewed_on(&self, day: NaiveDate) -> u32 {
        self.reviews_per_day.get(&day).copied().unwrap_or(0)
    }

    pub fn new_introduced_on(&self, day: NaiveDate) -> u32 {
        self.new_per_day.get(&day).copied().unwrap_or(0)
    }

    /// Reviews per local day, for the heatmap; days without reviews are absent.
    pub fn daily_counts(&self) -> &BTreeMap<NaiveDate, u32> {
        &self.reviews_per_day
    }

    /// Consecutive study days ending today, or yesterday if today has no reviews yet.
    pub fn streak(&self, today: NaiveDate) -> u32 {
        streak(&self.reviews_per_day, today)
    }

    /// Cards with history that the content no longer has (renamed or removed). Their history is kept,
    /// so restoring the card restores its schedule; the app lists them so the user knows.
    pub fn orphans(&self, known: &HashSet<Id>) -> Vec<Id> {
        self.cards
            .keys()
            .filter(|id| !known.contains(*id))
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::scheduler::Grade;

    const DAY: i64 = 86_400_000;
    const T0: i64 = 1_717_200_000_000; // 2024-06-01 00:00 UTC

    fn state(phase: Phase, ms: i64) -> CardState {
        CardState {
            due_ms: ms + DAY,
            stability: 1.5,
            difficulty: 5.0,
            elapsed_days: 0,
            scheduled_days: 1,
            reps: 1,
            lapses: 0,
            phase,
            last_review_ms: ms,
        }
    }

    fn grade(seq: u64, card: &str, ms: i64) -> Record {
        Record::Grade {
            seq,
            card: Id::new(card),
            reviewed_ms: ms,
            grade: Grade::Good,
            state: state(Phase::Review, ms),
        }
    }

    fn undo_of(l: &Ledger, seq: u64) -> Record {
        let top = l.undo_top().unwrap();
        Record::Undo {
            seq,
            card: top.card.clone(),
            at_ms: top.reviewed_ms + 1,
            undone_seq: top.seq,
            undone_reviewed_ms: top.reviewed_ms,
            previous: top.previous.clone(),
        }
    }

    #[test]
    fn counts_reviews_and_new_cards_per_day() {
        let z = DayZone::utc();
        let mut l = Ledger::default();
        l.apply(&grade(1, "a", T0 + 1000), z);
        l.apply(&grade(2, "a", T0 + 2000), z);
        l.apply(&grade(3, "b", T0 + DAY), z);
        let d0 = z.date_of_ms(T0);
        let d1 = z.date_of_ms(T0 + DAY);
        assert_eq!((l.reviewed_on(d0), l.new_introduced_on(d0)), (2, 1));
        assert_eq!((l.reviewed_on(d1), l.new_introduced_on(d1)), (1, 1));
        assert_eq!(l.streak(d1), 2);
        assert_eq!(l.streak(d1.succ_opt().unwrap()), 2);
        assert_eq!(l.daily_counts().len(), 2);
        assert_eq!(l.last_seq(), 3);
    }

    #[test]
    fn undo_restores_state_and_counts_exactly() {
        let z = DayZone::utc();
        let mut l = Ledger::default();
        l.apply(&grade(1, "a", T0), z);
        let before = l.clone();
        l.apply(&grade(2, "a", T0 + DAY), z);
        l.apply(&undo_of(&l, 3), z);
        assert_eq!(l.cards, before.cards);
        assert_eq!(l.reviews_per_day, before.reviews_per_day);
        assert_eq!(l.undo, before.undo);
        l.apply(&undo_of(&l, 4), z);
        assert!(l.cards.is_empty() && l.reviews_per_day.is_empty() && l.new_per_day.is_empty());
        assert!(l.undo_top().is_none());
        assert_eq!(l.last_seq(), 4);
    }

    #[test]
    fn undo_stack_is_bounded() {
        let z = DayZone::utc();
        let mut l = Ledger::default();
        for seq in 1..=(UNDO_DEPTH as u64 + 5) {
            l.apply(&grade(seq, "a", T0 + seq as i64), z);
        }
        assert_eq!(l.undo.len(), UNDO_DEPTH);
        assert_eq!(l.undo.front().unwrap().seq, 6);
    }

    #[test]
    fn orphans_are_reported_not_removed() {
        let z = DayZone::utc();
        let mut l = Ledger::default();
        l.apply(&grade(1, "kept", T0), z);
        l.apply(&grade(2, "gone", T0), z);
        let known: HashSet<Id> = [Id::new("kept"), Id::new("never-seen")].into();
        assert_eq!(l.orphans(&known), vec![Id::new("gone")]);
        assert!(l.state(&Id::new("gone")).is_some());
    }
}
