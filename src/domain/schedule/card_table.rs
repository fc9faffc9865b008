//! Every card's state in id order: one sorted list as loaded, and the cards added since beside it.

use super::card::CardState;
use crate::domain::content::Id;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::collections::{BTreeMap, btree_map};
use std::fmt;
use std::iter::Peekable;

/// The review history's card states, as a map from id to state.
///
/// Why not a `BTreeMap`: `status` and the deck counts walk every state beside every card id, and a
/// tree's nodes are separate allocations, where a list in id order is read ahead by the hardware.
/// At 100,000 cards, against a tree walked the same way (2026-12-05): `counts` 1.18 -> 1.05-1.09
/// ms, loading the history 11.1-11.4 -> 10.1-10.4 ms. Loading builds the list in one pass from the
/// snapshot, which is in id order already, and builds no tree. A grade changes a listed card in
/// place; a card graded for the first time goes in a small tree beside the list until
/// [`CardTable::settle`] merges the two (after loading, and whenever the snapshot is written, which
/// is a pass over everything anyway), so a grade never moves the whole list.
#[derive(Clone, Default)]
pub struct CardTable {
    /// In strictly increasing id order. `None` marks a card removed since (an undone first grade),
    /// left in place so nothing moves; [`CardTable::settle`] drops it.
    settled: Vec<(Id, Option<CardState>)>,
    /// Cards not in `settled`, in id order.
    added: BTreeMap<Id, CardState>,
    /// Cards with a state: the `Some`s of `settled` and all of `added`.
    len: usize,
}

impl CardTable {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn settled_at(&self, id: &Id) -> Result<usize, usize> {
        self.settled.binary_search_by(|(k, _)| k.cmp(id))
    }

    pub fn get(&self, id: &Id) -> Option<&CardState> {
        match self.settled_at(id) {
            Ok(i) => self.settled.get(i).and_then(|(_, s)| s.as_ref()),
            Err(_) => self.added.get(id),
        }
    }

    /// Sets `id`'s state; returns the one it replaces.
    pub fn insert(&mut self, id: Id, state: CardState) -> Option<CardState> {
        let previous = match self.settled_at(&id) {
            Ok(i) => self.settled.get_mut(i).and_then(|(_, s)| s.replace(state)),
            Err(_) => self.added.insert(id, state),
        };
        if previous.is_none() {
            self.len += 1;
        }
        previous
    }

    /// Forgets `id`'s state; returns it.
    pub fn remove(&mut self, id: &Id) -> Option<CardState> {
        let removed = match self.settled_at(id) {
            Ok(i) => self.settled.get_mut(i).and_then(|(_, s)| s.take()),
            Err(_) => self.added.remove(id),
        };
        if removed.is_some() {
            self.len -= 1;
        }
        removed
    }

    /// Merges the added cards into the list and drops removed ones: one pass, so that walks read
    /// one list in order again.
    pub fn settle(&mut self) {
        let removed = self.settled.len() + self.added.len() - self.len;
        if self.added.is_empty() && removed == 0 {
            return;
        }
        let settled = std::mem::take(&mut self.settled);
        let mut added = std::mem::take(&mut self.added).into_iter().peekable();
        let mut merged = Vec::with_capacity(self.len);
        for (id, state) in settled {
            while let Some((a, s)) = added.next_if(|(a, _)| *a < id) {
                merged.push((a, Some(s)));
            }
            if state.is_some() {
                merged.push((id, state));
            }
        }
        merged.extend(added.map(|(id, s)| (id, Some(s))));
        self.settled = merged;
    }

    /// Every card with its state, in id order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            settled: self.settled.iter(),
            added: self.added.iter().peekable(),
        }
    }

    pub fn keys(&self) -> impl Iterator<Item = &Id> {
        self.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl Iterator<Item = &CardState> {
        self.iter().map(|(_, s)| s)
    }
}

/// The cards of a [`CardTable`] in id order: the list and the added cards merged as they are read.
pub struct Iter<'a> {
    settled: std::slice::Iter<'a, (Id, Option<CardState>)>,
    added: Peekable<btree_map::Iter<'a, Id, CardState>>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Id, &'a CardState);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // Nearly always nothing is added: then this is a walk down one list.
            if let Some((a, _)) = self.added.peek() {
                let settled_first = self
                    .settled
                    .as_slice()
                    .first()
                    .is_some_and(|(id, _)| id.cmp(a) == Ordering::Less);
                if !settled_first {
                    return self.added.next();
                }
            }
            if let (id, Some(state)) = self.settled.next()? {
                return Some((id, state));
            }
        }
    }
}

/// Ids in any order, a repeated id keeping its last state, as collecting into a map would. Input
/// already in strictly increasing order (a snapshot, the cache) is taken as it is, with no sort.
impl FromIterator<(Id, CardState)> for CardTable {
    fn from_iter<I: IntoIterator<Item = (Id, CardState)>>(iter: I) -> Self {
        let mut cards: Vec<(Id, CardState)> = iter.into_iter().collect();
        if !cards.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)) {
            // Reversed, a stable sort puts the last of each repeated id first; `dedup` keeps it.
            cards.reverse();
            cards.sort_by(|a, b| a.0.cmp(&b.0));
            cards.dedup_by(|later, first| later.0 == first.0);
        }
        CardTable {
            len: cards.len(),
            settled: cards.into_iter().map(|(id, s)| (id, Some(s))).collect(),
            added: BTreeMap::new(),
        }
    }
}

/// Equal when they hold the same cards with the same states, however each is laid out.
impl PartialEq for CardTable {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for CardTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// Written as a map from id to state, as the snapshot has always held it.
impl Serialize for CardTable {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

#[cfg(test)]
#[path = "card_table_tests.rs"]
mod tests;
