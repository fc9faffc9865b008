//! Each card's roles and tags as numbers beside the catalogue, so a pass over 100,000 cards (the
//! deck counts under a filter) reads small arrays in order rather than each card's own strings.

use super::{Catalogue, Filter, Subject};

/// Built once with the catalogue, in catalogue order.
#[derive(Debug, Clone, Default)]
pub(super) struct Columns {
    /// Each card's roles as bits over `Catalogue::roles` (every bit for a card for every role).
    role_bits: Vec<u64>,
    /// For each tag of `Catalogue::tags`, the cards that have it, ascending.
    by_tag: Vec<Vec<u32>>,
}

impl Columns {
    /// `role_bits` a card, in catalogue order; `by_tag` the cards of each tag, ascending.
    pub(super) fn new(role_bits: Vec<u64>, by_tag: Vec<Vec<u32>>) -> Columns {
        Columns { role_bits, by_tag }
    }
}

impl Catalogue {
    /// Each card's roles as bits over `roles` (every bit for a card for every role), in catalogue
    /// order; `None` when the columns cannot answer (cards changed since building, more than 64
    /// roles).
    pub fn role_bits(&self) -> Option<&[u64]> {
        let bits = &self.columns.role_bits;
        (self.walkable() && self.roles.len() <= 64 && bits.len() == self.cards.len())
            .then_some(bits.as_slice())
    }

    /// True when no two cards share an id, so [`Catalogue::position`] finds the only card of one.
    pub fn has_unique_ids(&self) -> bool {
        self.unique_ids
    }

    /// Calls `f` with each card passing `filter`, in catalogue order: its index, its roles as bits
    /// over `roles` and its subject's index in `subjects`. Reads the columns only, so the cards'
    /// own facets are not touched. False, having called nothing, when the columns cannot answer
    /// (cards changed since building, more than 64 roles, or a role filter naming no known role):
    /// then go through the cards and `Filter::matches`.
    pub fn for_each_passing(&self, filter: &Filter, mut f: impl FnMut(usize, u64, usize)) -> bool {
        let n = self.cards.len();
        let c = &self.columns;
        if !self.walkable()
            || self.roles.len() > 64
            || c.role_bits.len() != n
            || self.subject_of.len() != n
            || c.by_tag.len() != self.tags.len()
        {
            return false;
        }
        let role = match &filter.role {
            None => None,
            Some(r) => match self.roles.iter().position(|(id, _)| id == r) {
                Some(i) => Some(1u64 << i),
                None => return false,
            },
        };
        // Every card's subject and tags are among `subjects` and `tags`: one not there matches none.
        let subject = match &filter.subject {
            None => None,
            Some(s) => match self.subjects.binary_search(s) {
                Ok(s) => Some(s),
                Err(_) => return true,
            },
        };
        let mut visit = |i: usize| {
            let (bits, s) = (c.role_bits[i], self.subject_of[i]);
            let own = matches!(self.subjects.get(s), Some(Subject::Deck(_)));
            if (own || role.is_none_or(|r| bits & r != 0)) && subject.is_none_or(|want| want == s) {
                f(i, bits, s);
            }
        };
        match &filter.tag {
            None => (0..n).for_each(&mut visit),
            Some(t) => {
                let cards = self
                    .tags
                    .binary_search(t)
                    .ok()
                    .and_then(|t| c.by_tag.get(t));
                cards.into_iter().flatten().for_each(|&i| visit(i as usize));
            }
        }
        true
    }
}
