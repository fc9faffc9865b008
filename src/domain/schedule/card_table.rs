//! Every card's state in id order: sorted lists as loaded, and the cards added since beside them.

use super::card::{CardState, Phase};
use crate::domain::content::Id;
use serde::{Serialize, Serializer};
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
    /// In strictly increasing id order, beside `states` and `keys`. Three lists rather than one of
    /// pairs so that counting every card reads 32 bytes a card (id and key) instead of 96: with
    /// the count itself branch-free (`queue::counts`), at 100,000 cards 1.39-1.45 -> 0.81-0.88 ms
    /// and at 10,000 0.12 -> 0.08 ms (2026-12-06, paired runs of `scale_probe counts`).
    ids: Vec<Id>,
    /// `None` marks a card removed since (an undone first grade), left in place so nothing moves;
    /// [`CardTable::settle`] drops it.
    states: Vec<Option<CardState>>,
    /// What counting needs of each state, kept in step with `states`.
    keys: Vec<Key>,
    /// Cards not in the lists, in id order.
    added: BTreeMap<Id, CardState>,
    /// Cards with a state: the `Some`s of `states` and all of `added`.
    len: usize,
}

/// What decides where a card stands, packed in 8 bytes: its due time and what kind of card it is.
/// Times beyond about 36 million years either way are clamped, which changes no comparison with a
/// time we store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(i64);

/// The kinds a [`Key`] tells apart, in its low two bits.
const REMOVED: i64 = 0;
const NEW: i64 = 1;
const LEARNING: i64 = 2;
const REVIEW: i64 = 3;
const LIMIT: i64 = 1 << 60;

impl Key {
    /// The key of a card with no state.
    pub const NONE: Key = Key(REMOVED);

    pub fn of(state: Option<&CardState>) -> Key {
        let Some(s) = state else {
            return Key(REMOVED);
        };
        let kind = match s.phase {
            Phase::New => NEW,
            p if p.is_learning() => LEARNING,
            _ => REVIEW,
        };
        Key((s.due_ms.clamp(-LIMIT, LIMIT) << 2) | kind)
    }

    pub fn due_ms(self) -> i64 {
        self.0 >> 2
    }

    /// 0 for a removed card, then 1 new, 2 learning, 3 review.
    pub fn kind(self) -> usize {
        (self.0 & 3) as usize
    }

    /// True for a card studied at least once (learning or review), as opposed to new or removed.
    pub fn is_studied(self) -> bool {
        self.0 & 3 >= LEARNING
    }

    fn is_removed(self) -> bool {
        self.0 & 3 == REMOVED
    }
}

impl CardTable {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn settled_at(&self, id: &Id) -> Result<usize, usize> {
        self.ids.binary_search(id)
    }

    pub fn get(&self, id: &Id) -> Option<&CardState> {
        match self.settled_at(id) {
            Ok(i) => self.states.get(i).and_then(Option::as_ref),
            Err(_) => self.added.get(id),
        }
    }

    /// Sets the state at `i` of the lists, and its key; returns the one it replaces.
    fn set(&mut self, i: usize, state: Option<CardState>) -> Option<CardState> {
        if let Some(k) = self.keys.get_mut(i) {
            *k = Key::of(state.as_ref());
        }
        self.states
            .get_mut(i)
            .and_then(|s| std::mem::replace(s, state))
    }

    /// Sets `id`'s state; returns the one it replaces.
    pub fn insert(&mut self, id: Id, state: CardState) -> Option<CardState> {
        let previous = match self.settled_at(&id) {
            Ok(i) => self.set(i, Some(state)),
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
            Ok(i) => self.set(i, None),
            Err(_) => self.added.remove(id),
        };
        if removed.is_some() {
            self.len -= 1;
        }
        removed
    }

    /// Merges the added cards into the lists and drops removed ones: one pass, so that walks read
    /// the lists in order again.
    pub fn settle(&mut self) {
        let removed = self.ids.len() + self.added.len() - self.len;
        if self.added.is_empty() && removed == 0 {
            return;
        }
        let ids = std::mem::take(&mut self.ids);
        let states = std::mem::take(&mut self.states);
        let mut added = std::mem::take(&mut self.added).into_iter().peekable();
        let mut merged = Vec::with_capacity(self.len);
        for (id, state) in ids.into_iter().zip(states) {
            while let Some(a) = added.next_if(|(a, _)| *a < id) {
                merged.push(a);
            }
            if let Some(state) = state {
                merged.push((id, state));
            }
        }
        merged.extend(added);
        *self = merged.into_iter().collect();
    }

    /// Every card with its state, in id order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            settled: self.ids.iter().zip(self.states.iter()),
            added: self.added.iter().peekable(),
        }
    }

    /// Every card with its [`Key`], in id order: what a count of every card reads.
    pub fn keyed(&self) -> Keyed<'_> {
        Keyed {
            settled: self.ids.iter().zip(self.keys.iter()),
            added: self.added.iter().peekable(),
        }
    }

    /// Every card's [`Key`] in no particular order, without the ids: for a walk that only needs
    /// due times and kinds (the next time a standing changes, the due chart), 8 bytes a card.
    pub fn all_keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.keys
            .iter()
            .copied()
            .filter(|k| !k.is_removed())
            .chain(self.added.values().map(|s| Key::of(Some(s))))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Id> {
        self.iter().map(|(id, _)| id)
    }

    pub fn values(&self) -> impl Iterator<Item = &CardState> {
        self.iter().map(|(_, s)| s)
    }
}

/// The cards of a [`CardTable`] in id order: the lists and the added cards merged as they are read.
pub struct Iter<'a> {
    settled: std::iter::Zip<std::slice::Iter<'a, Id>, std::slice::Iter<'a, Option<CardState>>>,
    added: Peekable<btree_map::Iter<'a, Id, CardState>>,
}

/// True when the next added card comes before the next listed one (or the list is done).
fn added_first(next_listed: Option<&Id>, added: &Id) -> bool {
    next_listed.is_none_or(|id| id >= added)
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a Id, &'a CardState);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // Nearly always nothing is added: then this is a walk down one list.
            if let Some((a, _)) = self.added.peek()
                && added_first(self.settled.clone().next().map(|(id, _)| id), a)
            {
                return self.added.next();
            }
            if let (id, Some(state)) = self.settled.next()? {
                return Some((id, state));
            }
        }
    }
}

/// The cards of a [`CardTable`] in id order with their keys, as [`Iter`] reads their states.
pub struct Keyed<'a> {
    settled: std::iter::Zip<std::slice::Iter<'a, Id>, std::slice::Iter<'a, Key>>,
    added: Peekable<btree_map::Iter<'a, Id, CardState>>,
}

impl<'a> Iterator for Keyed<'a> {
    type Item = (&'a Id, Key);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((a, _)) = self.added.peek()
                && added_first(self.settled.clone().next().map(|(id, _)| id), a)
            {
                return self.added.next().map(|(id, s)| (id, Key::of(Some(s))));
            }
            let (id, key) = self.settled.next()?;
            if !key.is_removed() {
                return Some((id, *key));
            }
        }
    }
}

/// Ids in any order, a repeated id keeping its last state, as collecting into a map would. Input
/// already in strictly increasing order (a snapshot, the cache) is taken as it is, with no sort.
impl FromIterator<(Id, CardState)> for CardTable {
    fn from_iter<I: IntoIterator<Item = (Id, CardState)>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let (lower, _) = iter.size_hint();
        let mut table = CardTable {
            ids: Vec::with_capacity(lower),
            states: Vec::with_capacity(lower),
            keys: Vec::with_capacity(lower),
            ..CardTable::default()
        };
        let mut iter = iter.peekable();
        // In order, each card goes straight to the lists, in one pass.
        while let Some((id, state)) =
            iter.next_if(|(id, _)| table.ids.last().is_none_or(|last| last < id))
        {
            table.ids.push(id);
            table.keys.push(Key::of(Some(&state)));
            table.states.push(Some(state));
        }
        if iter.peek().is_none() {
            table.len = table.ids.len();
            return table;
        }
        let mut cards: Vec<(Id, CardState)> = table
            .ids
            .into_iter()
            .zip(table.states.into_iter().flatten())
            .chain(iter)
            .collect();
        // Reversed, a stable sort puts the last of each repeated id first; `dedup` keeps it.
        cards.reverse();
        cards.sort_by(|a, b| a.0.cmp(&b.0));
        cards.dedup_by(|later, first| later.0 == first.0);
        cards.into_iter().collect()
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
