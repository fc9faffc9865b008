//! The catalogue's distinct roles, subjects and tags and each card's place among them, gathered in
//! one pass over the cards.

use super::columns::Columns;
use super::{StudyCard, Subject};
use crate::domain::content::{Id, Library};
use std::collections::BTreeMap;

/// What the catalogue keeps beside the cards besides their id order: the distinct roles,
/// subjects and tags, each card's subject, and the columns of roles and tags.
pub(super) struct Facets {
    pub roles: Vec<(Id, String)>,
    pub subjects: Vec<Subject>,
    pub tags: Vec<String>,
    pub subject_of: Vec<usize>,
    pub columns: Columns,
}

impl Facets {
    /// One pass over the cards numbers each subject and tag as first met, and notes each card's
    /// roles, subject and tags by number; the numbers are then put in sorted order. At 100,000
    /// cards the card list is 12 MB, far more than the processor keeps at hand: it was read four
    /// times (sets of subjects and tags, each card's subject, its roles, its tags), and each
    /// subject and tag was looked up twice by its text.
    pub fn of(lib: &Library, cards: &[StudyCard]) -> Facets {
        let roles: Vec<(Id, String)> = lib
            .roles
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect();
        let mut subjects = Numbering::<&Subject>::default();
        let mut tags = Numbering::<&str>::default();
        let mut subject_of = Vec::with_capacity(cards.len());
        let mut role_bits = Vec::with_capacity(cards.len());
        // (tag number, card), in card order.
        let mut tagged: Vec<(u32, u32)> = Vec::with_capacity(cards.len());
        // A deck's cards come together: its subject is looked up once.
        let mut last: Option<(&Subject, u32)> = None;
        for (i, c) in cards.iter().enumerate() {
            let s = match last {
                Some((subject, n)) if *subject == c.subject => n,
                _ => {
                    let n = subjects.number(&c.subject);
                    last = Some((&c.subject, n));
                    n
                }
            };
            subject_of.push(s);
            role_bits.push(
                roles
                    .iter()
                    .take(64)
                    .enumerate()
                    .filter(|(_, (r, _))| c.for_role(r))
                    .fold(0u64, |bits, (i, _)| bits | 1 << i),
            );
            let card = u32::try_from(i).unwrap_or(u32::MAX);
            tagged.extend(c.tags.iter().map(|t| (tags.number(t.as_str()), card)));
        }
        let (subjects, subject_rank) = subjects.sorted();
        let (tags, tag_rank) = tags.sorted();
        let subject_of = subject_of
            .into_iter()
            .map(|n| subject_rank.get(n as usize).map_or(0, |&r| r as usize))
            .collect();
        let mut by_tag: Vec<Vec<u32>> = vec![Vec::new(); tags.len()];
        for (n, card) in tagged {
            if let Some(list) = tag_rank
                .get(n as usize)
                .and_then(|&r| by_tag.get_mut(r as usize))
                && list.last() != Some(&card)
            {
                list.push(card);
            }
        }
        Facets {
            roles,
            subjects: subjects.into_iter().cloned().collect(),
            tags: tags.into_iter().map(str::to_string).collect(),
            subject_of,
            columns: Columns::new(role_bits, by_tag),
        }
    }
}

/// Distinct values numbered in the order first met. There are few of them (a few hundred decks
/// and tags against 100,000 cards), so the tree stays small and at hand.
struct Numbering<T> {
    seen: BTreeMap<T, u32>,
    first_met: Vec<T>,
}

impl<T> Default for Numbering<T> {
    fn default() -> Self {
        Numbering {
            seen: BTreeMap::new(),
            first_met: Vec::new(),
        }
    }
}

impl<T: Ord + Copy> Numbering<T> {
    fn number(&mut self, value: T) -> u32 {
        let next = u32::try_from(self.first_met.len()).unwrap_or(u32::MAX);
        *self.seen.entry(value).or_insert_with(|| {
            self.first_met.push(value);
            next
        })
    }

    /// The values in sorted order, and for each number its place in that order.
    fn sorted(self) -> (Vec<T>, Vec<u32>) {
        let mut rank = vec![0; self.first_met.len()];
        let values = self
            .seen
            .into_iter()
            .enumerate()
            .map(|(place, (value, n))| {
                if let Some(r) = rank.get_mut(n as usize) {
                    *r = u32::try_from(place).unwrap_or(u32::MAX);
                }
                value
            })
            .collect();
        (values, rank)
    }
}
